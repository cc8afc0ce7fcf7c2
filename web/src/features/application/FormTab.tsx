import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Form, Input, Modal, Radio, Row, Typography } from 'antd';
import { applications } from '../../api/endpoints';
import type { ApplicationDetail, ApplicationFormParticipant, Signatory } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { formatSnils, snilsProblem } from '../../lib/checksums';
import { date, dateTime } from '../../lib/format';
import { ApiError, splitViolations } from '../../lib/problem';
import { ErrorNote } from '../common';
import { SimpleTable } from '../SimpleTable';

const FIELD_TITLES: Record<string, string> = {
  surname: 'фамилия', name: 'имя', patronymic: 'отчество', sex: 'пол', position: 'должность', birthDate: 'дата рождения',
  subject: 'предмет', educationLevel: 'уровень образования', diplomaSurname: 'фамилия в дипломе',
  diplomaSeries: 'серия диплома', diplomaNumber: 'номер диплома', snils: 'СНИЛС', email: 'e-mail',
};

/** The form as filed (Рис. 2–3), the participants, and each correction made after submission as old → new. */
export function FormTab({ detail }: { detail: ApplicationDetail }) {
  const { person } = useAuth();
  const [correcting, setCorrecting] = useState<ApplicationFormParticipant | null>(null);
  const f = detail.form;
  const s = detail.summary;
  if (!f) {
    return <Typography.Paragraph>Данные формы содержат персональные данные и аудитору не показываются.</Typography.Paragraph>;
  }
  const mayCorrect = person.isRepresentative && !detail.participantsLocked && (s.status === 'SUBMITTED' || s.status === 'IN_WORK');
  return (
    <>
      <Card title="Заявитель" size="small">
        <Descriptions column={{ xs: 1, md: 3 }} items={[
          { key: 'n', label: 'ФИО', children: [f.applicant?.surname, f.applicant?.name, f.applicant?.patronymic].filter(Boolean).join(' ') || '—' },
          { key: 'p', label: 'Должность', children: f.applicant?.position ?? '—' },
          { key: 'w', label: 'Телефон рабочий', children: f.applicant?.workPhone ?? '—' },
          { key: 'm', label: 'Телефон мобильный', children: f.applicant?.mobilePhone ?? '—' },
          { key: 'e', label: 'E-mail', children: f.applicant?.email ?? '—' },
          { key: 'r', label: 'Получение результатов', children: f.resultDelivery === 'ELECTRONIC' ? 'в электронном виде' : f.resultDelivery === 'PAPER' ? 'в бумажном виде' : '—' },
          { key: 't', label: 'Условия оплаты', children: f.paymentTerms === 'PREPAYMENT' ? 'предоплата 100 %' : f.paymentTerms === 'POSTPAYMENT' ? 'оплата после оказания услуг' : '—' },
          { key: 'c', label: 'Комментарии', children: f.comment || '—' },
        ]} />
      </Card>
      <Card title="Организация" size="small" style={{ marginTop: 12 }}>
        <Descriptions column={{ xs: 1, md: 3 }} items={[
          { key: 'r', label: 'Субъект РФ', children: f.organisation?.region ?? '—' },
          { key: 'f', label: 'Полное название', children: f.organisation?.fullName ?? '—' },
          { key: 's', label: 'Краткое название', children: f.organisation?.shortName ?? '—' },
          { key: 'e', label: 'Официальный e-mail', children: f.organisation?.officialEmail ?? '—' },
          { key: 'l', label: 'Юридический адрес', children: f.organisation?.legalAddress ?? '—' },
          { key: 'p', label: 'Почтовый адрес', children: f.organisation?.postalAddress ?? '—' },
          { key: 'i', label: 'ИНН', children: f.organisation?.inn ?? '—' },
          { key: 'k', label: 'КПП', children: f.organisation?.kpp ?? '—' },
          { key: 'b', label: 'БИК', children: f.organisation?.bik ?? '—' },
          { key: 'o', label: 'ОГРН', children: f.organisation?.ogrn ?? '—' },
          { key: 'bn', label: 'Банк', children: f.organisation?.bankName ?? '—' },
          { key: 'sa', label: 'Расчётный счёт', children: f.organisation?.settlementAccount ?? '—' },
          { key: 'ca', label: 'Корреспондентский счёт', children: f.organisation?.correspondentAccount ?? '—' },
          { key: 'sg', label: 'Подписант', children: signatory(f.organisation?.signatory ?? null) },
        ]} />
      </Card>
      <Card title="Участники" size="small" style={{ marginTop: 12 }}>
        <SimpleTable<ApplicationFormParticipant> rows={f.participants} rowKey={(p) => p.participantId ?? ''} columns={[
          { title: 'ФИО', render: (p) => [p.surname, p.name, p.patronymic].filter(Boolean).join(' ') },
          { title: 'Предмет', render: (p) => p.subject ?? '—' },
          { title: 'Должность', render: (p) => p.position ?? '—' },
          { title: 'Дата рождения', render: (p) => date(p.birthDate) },
          { title: 'Диплом', render: (p) => `${p.diplomaSurname ?? ''} ${p.diplomaSeries ?? ''} № ${p.diplomaNumber ?? ''}` },
          { title: 'СНИЛС', render: (p) => p.snils ? formatSnils(p.snils) : '—' },
          { title: 'E-mail', render: (p) => p.email ?? '—' },
          ...(mayCorrect ? [{ title: 'Исправление', render: (p: ApplicationFormParticipant) =>
            <Button onClick={() => setCorrecting(p)}>Исправить</Button> }] : []),
        ]} />
        {detail.participantsLocked && <Typography.Text type="secondary">Договор заключён: данные участников больше не меняются.</Typography.Text>}
      </Card>
      {detail.corrections.length > 0 && (
        <Card title="Исправления после подачи" size="small" style={{ marginTop: 12 }}>
          {detail.corrections.map((c, i) => {
            const who = f.participants.find((p) => p.participantId === c.participantId);
            return (
              <div key={i} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{dateTime(c.at)}, {who ? `${who.surname} ${who.name}` : 'участник'}:</Typography.Text>
                <ul>{c.changes.map((ch) => (
                  <li key={ch.field}>{FIELD_TITLES[ch.field] ?? ch.field}: <del>{ch.before ?? '—'}</del> → <ins>{ch.after ?? '—'}</ins></li>
                ))}</ul>
              </div>
            );
          })}
        </Card>
      )}
      {correcting && <CorrectionModal applicationId={s.id} participant={correcting} onClose={() => setCorrecting(null)} />}
    </>
  );
}

/** Рис. 5б «изменить … сохранить»: one participant's data corrected after submission. */
function CorrectionModal({ applicationId, participant, onClose }: { applicationId: string; participant: ApplicationFormParticipant; onClose: () => void }) {
  const [form] = Form.useForm<ApplicationFormParticipant>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: ApplicationFormParticipant) => applications.correct(applicationId, participant.participantId!,
      { ...participant, ...v, participantId: null }),
    onSuccess: async () => {
      message.success('Исправление сохранено; институт его увидит');
      await client.invalidateQueries({ queryKey: ['application', applicationId] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) form.setFields(splitViolations(e.violations, () => true).fields as Parameters<typeof form.setFields>[0]);
    },
  });
  return (
    <Modal open title="Исправить данные участника" okText="Сохранить" cancelText="Отмена" width={760}
      confirmLoading={save.isPending} onCancel={onClose} onOk={() => form.validateFields().then((v) => save.mutate(v))}>
      <ErrorNote error={save.error} />
      <Form form={form} layout="vertical" initialValues={participant}>
        <Row gutter={12}>
          <Col span={8}><Form.Item label="Фамилия" name="surname" rules={[{ required: true }, { max: 100 }]}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item label="Имя" name="name" rules={[{ required: true }, { max: 100 }]}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item label="Отчество" name="patronymic" rules={[{ max: 100 }]}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item label="Должность" name="position" rules={[{ required: true }, { max: 200 }]}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item label="Дата рождения" name="birthDate" rules={[{ required: true }]}><Input type="date" /></Form.Item></Col>
          <Col span={8}><Form.Item label="Фамилия в дипломе" name="diplomaSurname" rules={[{ required: true }, { max: 100 }]}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item label="Серия диплома" name="diplomaSeries" rules={[{ max: 20 }]}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item label="Номер диплома" name="diplomaNumber" rules={[{ required: true }, { max: 30 }]}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item label="СНИЛС" name="snils" rules={[{ required: true },
            { validator: (_, v: string) => (!v || !snilsProblem(v) ? Promise.resolve() : Promise.reject(new Error(snilsProblem(v)!))) }]}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item label="E-mail" name="email" rules={[{ required: true, type: 'email' }]}><Input type="email" /></Form.Item></Col>
          <Col span={12}><Form.Item label="Пол" name="sex"><Radio.Group options={[{ value: 'MALE', label: 'мужской' }, { value: 'FEMALE', label: 'женский' }]} /></Form.Item></Col>
        </Row>
        <Typography.Text type="secondary">Предмет и состав участников после подачи меняет институт (возврат на доработку).</Typography.Text>
      </Form>
    </Modal>
  );
}

/** «Директор Иванов Иван Иванович, на основании Устава» or «… доверенности № 12 от 01.09.2026». */
function signatory(s: Signatory | null): string {
  if (!s || !s.fullName) return '—';
  const basis = s.basis === 'POWER_OF_ATTORNEY'
    ? `доверенности № ${s.powerOfAttorneyNumber ?? '—'} от ${date(s.powerOfAttorneyDate)}` : 'Устава';
  return `${s.position ?? ''} ${s.fullName}, на основании ${basis}`.trim();
}
