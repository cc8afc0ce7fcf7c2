import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { accessLogOf } from '../../api/accessLog';
import { personalData } from '../../api/endpoints';
import type {
  AccessLogEntry, ApplicationDetail, ApplicationErasure, ErasureBasis, ErasureSubject, ParticipantConsent,
} from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { date, dateTime } from '../../lib/format';
import { fieldErrors } from '../../lib/fieldErrors';
import { BASES, SUBJECTS } from '../../lib/personalData';
import { ErrorNote } from '../common';
import { SimpleTable } from '../SimpleTable';

/** A person whose data may be destroyed: a participant, the applicant, the signatory, or the application's own files. */
interface Person {
  key: string;
  subject: ErasureSubject;
  participantId: string | null;
  title: string;
  erasure: ApplicationErasure | undefined;
  consent: ParticipantConsent | undefined;
}

/** Today in Moscow, as the date field wants it. */
function moscowToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
}

/** The consent of a participant in a line: the text's version, when and by whom it was confirmed, its withdrawal. */
function consentLine(c: ParticipantConsent | undefined): string {
  if (!c) return 'подтверждается при подаче заявки';
  const given = `редакция ${c.textVersion ?? 'без номера'}, подтверждено представителем организации при подаче `
    + `${dateTime(c.confirmedAt)}` + (c.confirmedBy && c.confirmedBy !== 'скрыто' ? ` (учётная запись ${c.confirmedBy})` : '');
  if (!c.withdrawalReceivedOn) return given;
  return `${given}; отозвано, отзыв получен ${date(c.withdrawalReceivedOn)}; `
    + (c.erased ? 'данные уничтожены' : `уничтожить до ${date(c.eraseBy)}`);
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
  const [withdrawing, setWithdrawing] = useState<Person | null>(null);
  const [receivedOn, setReceivedOn] = useState(moscowToday());
  const applicationId = detail.summary.id;
  const ended = detail.summary.status === 'COMPLETED' || detail.summary.status === 'WITHDRAWN';
  const erase = useMutation({
    mutationFn: () => personalData.erase(applicationId, { subject: erasing!.subject,
      participantId: erasing!.participantId, basis: basis! }),
    onSuccess: async () => {
      message.success('Данные уничтожены; акт об уничтожении готов');
      setErasing(null);
      setBasis(undefined);
      await client.invalidateQueries({ queryKey: ['application', applicationId] });
    },
  });
  const withdraw = useMutation({
    mutationFn: () => personalData.withdrawConsent(applicationId, withdrawing!.participantId!, receivedOn),
    onSuccess: async (answer) => {
      message.success(`Отзыв согласия записан; данные уничтожить до ${date(answer.eraseBy)}`);
      setWithdrawing(null);
      await client.invalidateQueries({ queryKey: ['application', applicationId] });
    },
  });
  const withdrawalErrors = fieldErrors(withdraw.error);
  const act = useMutation({ mutationFn: (erasureId: string) => personalData.saveDestructionAct(applicationId, erasureId) });
  const erasureOf = (subject: ErasureSubject, participantId: string | null) =>
    detail.erasures.find((e) => e.subject === subject && e.participantId === participantId);
  const consentOf = (participantId: string) => detail.consents.find((c) => c.participantId === participantId);
  const signatory = detail.form?.organisation?.signatory;
  const persons: Person[] = [
    { key: 'applicant', subject: 'APPLICANT', participantId: null, erasure: erasureOf('APPLICANT', null), consent: undefined,
      title: `Контактное лицо заявителя${detail.form?.applicant ? `: ${[detail.form.applicant.surname,
        detail.form.applicant.name].filter(Boolean).join(' ')}` : ''}` },
    ...(signatory ? [{ key: 'signatory', subject: 'SIGNATORY' as const, participantId: null, consent: undefined,
      erasure: erasureOf('SIGNATORY', null), title: `Подписант договора: ${signatory.fullName ?? ''}` }] : []),
    ...(detail.form?.participants ?? []).filter((p) => p.participantId).map((p, i) => ({
      key: p.participantId!, subject: 'PARTICIPANT' as const, participantId: p.participantId!,
      erasure: erasureOf('PARTICIPANT', p.participantId!), consent: consentOf(p.participantId!),
      title: `Участник ${i + 1}: ${[p.surname, p.name, p.patronymic].filter(Boolean).join(' ')}`,
    })),
    { key: 'application', subject: 'APPLICATION', participantId: null, erasure: erasureOf('APPLICATION', null),
      consent: undefined, title: 'Файлы и свободные тексты заявки (сканы подписанных документов, вложения, причины)' },
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
          { title: 'Согласие на обработку', render: (p) => p.subject === 'PARTICIPANT' ? consentLine(p.consent) : '—' },
          { title: 'Данные', render: (p) => p.erasure
            ? <span>уничтожены {dateTime(p.erasure.erasedAt)} ({BASES[p.erasure.basis]})</span> : 'хранятся' },
          { title: '', render: (p) => (
            <Space wrap>
              {p.erasure
                ? <Button size="small" onClick={() => act.mutate(p.erasure!.erasureId)}>Акт об уничтожении</Button>
                : person.isStaff && ended
                  ? <Button size="small" danger onClick={() => setErasing(p)}>Уничтожить данные</Button> : null}
              {person.isStaff && p.consent && !p.consent.withdrawalReceivedOn && !p.erasure
                && <Button size="small" onClick={() => { withdraw.reset(); setReceivedOn(moscowToday()); setWithdrawing(p); }}>
                  Отзыв согласия</Button>}
            </Space>) },
        ]} />
      ) : (
        <SimpleTable<ApplicationErasure> rows={detail.erasures} rowKey={(e) => e.erasureId} columns={[
          { title: 'Субъект', render: (e) => e.subject === 'PARTICIPANT' ? `участник ${e.participantId}`
            : SUBJECTS[e.subject] },
          { title: 'Уничтожены', render: (e) => `${dateTime(e.erasedAt)} (${BASES[e.basis]})` },
          { title: '', render: (e) => <Button size="small" onClick={() => act.mutate(e.erasureId)}>Акт об уничтожении</Button> },
        ]} />
      )}
      <ErrorNote error={act.error} title="Акт не скачался" />
      <AccessLogSection applicationId={applicationId} titles={Object.fromEntries(persons.map((p) =>
        [p.subject === 'PARTICIPANT' ? `participant:${p.participantId}` : `${p.subject.toLowerCase()}:${applicationId}`,
          p.title]))} />
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
      <Modal open={withdrawing !== null} title="Отзыв согласия на обработку персональных данных" okText="Записать отзыв"
        cancelText="Отмена" confirmLoading={withdraw.isPending} onOk={() => withdraw.mutate()}
        onCancel={() => { setWithdrawing(null); withdraw.reset(); }}>
        <Typography.Paragraph><strong>{withdrawing?.title}</strong></Typography.Paragraph>
        <Typography.Paragraph>После получения отзыва данные уничтожаются не позднее чем через 30 дней (ч. 5 ст. 21
          152-ФЗ): автоматически, как только заявка завершена или снята.</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="Дата получения отзыва" htmlFor="consent-received-on" required
            validateStatus={withdrawalErrors.receivedOn ? 'error' : undefined} help={withdrawalErrors.receivedOn}>
            <Input id="consent-received-on" type="date" value={receivedOn} max={moscowToday()}
              onChange={(e) => setReceivedOn(e.target.value)} />
          </Form.Item>
        </Form>
        <ErrorNote error={withdrawalErrors.receivedOn ? null : withdraw.error} title="Отзыв не записан" />
      </Modal>
    </Space>
  );
}

/**
 * Who viewed whose personal data in this application (downloads of scans, contract documents and attachments, staff's
 * reads of the participants), from the four services' logs, filtered by person.
 */
function AccessLogSection({ applicationId, titles }: { applicationId: string; titles: Record<string, string> }) {
  const [who, setWho] = useState('all');
  const log = useQuery({ queryKey: ['access-log', applicationId], queryFn: () => accessLogOf(applicationId) });
  const rows = (log.data ?? []).filter((e) => who === 'all' || e.subjects.includes(who));
  const whose = (e: AccessLogEntry) => e.subjects.map((s) => titles[s] ?? s).join('; ');
  return (
    <section aria-labelledby="access-log-title">
      <Typography.Title level={3} id="access-log-title">Журнал доступа к персональным данным</Typography.Title>
      <Form layout="inline">
        <Form.Item label="Чьи данные" htmlFor="access-log-subject">
          <Select id="access-log-subject" value={who} onChange={setWho} style={{ minWidth: 320 }}
            options={[{ value: 'all', label: 'все' }, ...Object.entries(titles).map(([key, title]) => ({ value: key,
              label: title }))]} />
        </Form.Item>
      </Form>
      <ErrorNote error={log.error} title="Журнал доступа не загрузился" />
      <SimpleTable<AccessLogEntry> rows={rows.slice(0, 200)} rowKey={(e) => `${e.at}|${e.kind}|${e.objectId}|${e.actor}`}
        empty={log.isLoading ? 'Загрузка…' : 'Просмотров не было'} columns={[
          { title: 'Когда', render: (e) => dateTime(e.at) },
          { title: 'Кто', render: (e) => `${e.actor} (${e.role === 'staff' ? 'сотрудник' : e.role === 'representative'
            ? 'представитель' : e.role})` },
          { title: 'Что', render: (e) => e.title },
          { title: 'Чьи данные', render: whose },
        ]} />
    </section>
  );
}
