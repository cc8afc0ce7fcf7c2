import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Select, Space, Typography } from 'antd';
import { applications } from '../../api/endpoints';
import type { ApplicationDetail, ApplicationErasure, ErasureBasis, ErasureSubject } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { dateTime } from '../../lib/format';
import { ErrorNote } from '../common';
import { SimpleTable } from '../SimpleTable';

const BASES: Record<ErasureBasis, string> = {
  CONSENT_WITHDRAWN: 'отзыв согласия на обработку',
  PURPOSE_ACHIEVED: 'достижение цели обработки',
  RETENTION_EXPIRED: 'истечение срока хранения',
};

/** A person whose data may be destroyed: a participant or the applicant. */
interface Person {
  key: string;
  subject: ErasureSubject;
  participantId: string | null;
  title: string;
  erasure: ApplicationErasure | undefined;
}

/**
 * The persons whose data the application holds and the destruction of their data (152-FZ art. 21), for staff; the
 * acts of destruction for staff and auditors. Data are destroyed once the application has ended.
 */
export function PersonalDataTab({ detail }: { detail: ApplicationDetail }) {
  const { person } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [erasing, setErasing] = useState<Person | null>(null);
  const [basis, setBasis] = useState<ErasureBasis | undefined>();
  const applicationId = detail.summary.id;
  const ended = detail.summary.status === 'COMPLETED' || detail.summary.status === 'WITHDRAWN';
  const erase = useMutation({
    mutationFn: () => applications.erase(applicationId, { subject: erasing!.subject,
      participantId: erasing!.participantId, basis: basis! }),
    onSuccess: async () => {
      message.success('Данные уничтожены; акт об уничтожении готов');
      setErasing(null);
      setBasis(undefined);
      await client.invalidateQueries({ queryKey: ['application', applicationId] });
    },
  });
  const act = useMutation({ mutationFn: (erasureId: string) => applications.saveDestructionAct(applicationId, erasureId) });
  const erasureOf = (subject: ErasureSubject, participantId: string | null) =>
    detail.erasures.find((e) => e.subject === subject && e.participantId === participantId);
  const persons: Person[] = [
    { key: 'applicant', subject: 'APPLICANT', participantId: null, erasure: erasureOf('APPLICANT', null),
      title: `Контактное лицо заявителя${detail.form?.applicant ? `: ${[detail.form.applicant.surname,
        detail.form.applicant.name].filter(Boolean).join(' ')}` : ''}` },
    ...(detail.form?.participants ?? []).filter((p) => p.participantId).map((p, i) => ({
      key: p.participantId!, subject: 'PARTICIPANT' as const, participantId: p.participantId!,
      erasure: erasureOf('PARTICIPANT', p.participantId!),
      title: `Участник ${i + 1}: ${[p.surname, p.name, p.patronymic].filter(Boolean).join(' ')}`,
    })),
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph>
        Персональные данные хранятся зашифрованными ключом каждого человека. Уничтожение удаляет ключ: во всех
        копиях (заявка, история, договор, уведомления, выгрузки) вместо данных будет «удалено». Это необратимо.
      </Typography.Paragraph>
      {person.isStaff && !ended && (
        <Alert type="info" showIcon title="Уничтожить данные можно после завершения или снятия заявки" />
      )}
      {detail.form ? (
        <SimpleTable<Person> rows={persons} rowKey={(p) => p.key} columns={[
          { title: 'Субъект', render: (p) => p.title },
          { title: 'Данные', render: (p) => p.erasure
            ? <span>уничтожены {dateTime(p.erasure.erasedAt)} ({BASES[p.erasure.basis]})</span> : 'хранятся' },
          { title: '', render: (p) => p.erasure
            ? <Button size="small" onClick={() => act.mutate(p.erasure!.erasureId)}>Акт об уничтожении</Button>
            : person.isStaff && ended
              ? <Button size="small" danger onClick={() => setErasing(p)}>Уничтожить данные</Button> : null },
        ]} />
      ) : (
        <SimpleTable<ApplicationErasure> rows={detail.erasures} rowKey={(e) => e.erasureId} columns={[
          { title: 'Субъект', render: (e) => e.subject === 'APPLICANT' ? 'контактное лицо заявителя'
            : `участник ${e.participantId}` },
          { title: 'Уничтожены', render: (e) => `${dateTime(e.erasedAt)} (${BASES[e.basis]})` },
          { title: '', render: (e) => <Button size="small" onClick={() => act.mutate(e.erasureId)}>Акт об уничтожении</Button> },
        ]} />
      )}
      <ErrorNote error={act.error} title="Акт не скачался" />
      <Modal open={erasing !== null} title="Уничтожить персональные данные" okText="Уничтожить" okButtonProps={{ danger: true,
        disabled: !basis }} cancelText="Отмена" confirmLoading={erase.isPending} onOk={() => erase.mutate()}
        onCancel={() => { setErasing(null); erase.reset(); }}>
        <Typography.Paragraph><strong>{erasing?.title}</strong></Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="Основание" htmlFor="erasure-basis" required>
            <Select id="erasure-basis" value={basis} onChange={setBasis} placeholder="Выберите основание"
              options={(Object.keys(BASES) as ErasureBasis[]).map((b) => ({ value: b, label: BASES[b] }))} />
          </Form.Item>
        </Form>
        <ErrorNote error={erase.error} title="Данные не уничтожены" />
      </Modal>
    </Space>
  );
}
