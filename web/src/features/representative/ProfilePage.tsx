import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { representatives } from '../../api/endpoints';
import type { RepresentativeRegistration, RepresentativeSettings } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { innProblem } from '../../lib/checksums';
import { dateTime } from '../../lib/format';
import { ApiError, splitViolations } from '../../lib/problem';
import { ErrorNote } from '../common';

type ProfileForm = Omit<RepresentativeRegistration, 'settings' | 'agreementVersion'> & RepresentativeSettings;

const FIELDS = ['surname', 'name', 'patronymic', 'organisationName', 'position', 'education', 'phone', 'email', 'inn',
  'agreementAccepted'];

/** «Личные данные» and «Настройки» of Рис. 1б, and the registration as the representative of an organisation. */
export function ProfilePage() {
  const { person } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ProfileForm>();
  const [agreementOpen, setAgreementOpen] = useState(false);
  const [topErrors, setTopErrors] = useState<string[]>([]);
  const mine = useQuery({ queryKey: ['representatives', 'me'], queryFn: representatives.mine });
  const agreement = useQuery({ queryKey: ['agreement'], queryFn: representatives.agreement });
  const registration = mine.data?.registration;
  const notRegistered = mine.error instanceof ApiError && mine.error.status === 404;

  useEffect(() => {
    if (registration) {
      const p = registration.profile;
      form.setFieldsValue({ surname: p.surname, name: p.name, patronymic: p.patronymic, organisationName: p.organisationName,
        position: p.position, education: p.education, phone: p.phone, email: p.email, inn: registration.organisationInn,
        agreementAccepted: registration.agreementVersion === agreement.data?.version, ...registration.settings });
    } else if (notRegistered) {
      const [name, ...rest] = person.name.split(' ');
      form.setFieldsValue({ name, surname: rest.join(' '), email: person.email ?? '', trainingApplications: true });
    }
  }, [registration, notRegistered, agreement.data?.version, form, person]);

  const save = useMutation({
    mutationFn: (v: ProfileForm) => representatives.register({
      surname: v.surname, name: v.name, patronymic: v.patronymic || null, organisationName: v.organisationName,
      position: v.position, education: v.education, phone: v.phone, email: v.email, inn: v.inn,
      agreementVersion: agreement.data?.version ?? '', agreementAccepted: !!v.agreementAccepted,
      settings: { trainingApplications: !!v.trainingApplications, supportRequests: !!v.supportRequests,
        eventApplications: !!v.eventApplications },
    }),
    onSuccess: async () => {
      setTopErrors([]);
      message.success('Сохранено');
      await client.invalidateQueries({ queryKey: ['representatives', 'me'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.violations.length) {
        const split = splitViolations(e.violations, (p) => FIELDS.includes(String(p[0])));
        form.setFields(split.fields as Parameters<typeof form.setFields>[0]);
        setTopErrors(split.rest);
      }
    },
  });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 900 }}>
      <Typography.Title level={1}>Профиль и настройки</Typography.Title>
      {registration && (
        <Card title="Представительство организации">
          <Descriptions column={1} items={[
            { key: 's', label: 'Статус', children: registration.statusTitle },
            { key: 'i', label: 'ИНН организации', children: registration.organisationInn },
            { key: 'r', label: 'Запрос отправлен', children: dateTime(registration.registeredAt) },
            ...(registration.decidedAt ? [{ key: 'd', label: 'Решение института', children: dateTime(registration.decidedAt) }] : []),
            ...(registration.reason ? [{ key: 'w', label: 'Причина', children: registration.reason }] : []),
            { key: 'a', label: 'Соглашение об обработке персональных данных',
              children: `редакция от ${registration.agreementVersion}, принято ${dateTime(registration.agreementAcceptedAt)}` },
          ]} />
        </Card>
      )}
      <ErrorNote error={save.error} title="Профиль не сохранён" />
      {topErrors.length > 0 && <Alert type="error" title="Исправьте" description={topErrors.join('\n')} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional" aria-label="Профиль">
        <Card title="Личные данные">
          <Form.Item label="Фамилия" name="surname" rules={[{ required: true, message: 'Укажите фамилию' }, { max: 100 }]}>
            <Input autoComplete="family-name" />
          </Form.Item>
          <Form.Item label="Имя" name="name" rules={[{ required: true, message: 'Укажите имя' }, { max: 100 }]}>
            <Input autoComplete="given-name" />
          </Form.Item>
          <Form.Item label="Отчество" name="patronymic" rules={[{ max: 100 }]}>
            <Input autoComplete="additional-name" />
          </Form.Item>
          <Form.Item label="Организация" name="organisationName" rules={[{ required: true, message: 'Укажите организацию' }, { max: 500 }]}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item label="ИНН организации" name="inn" extra="Институт проверит, что вы представляете эту организацию"
            rules={[{ required: true, message: 'Укажите ИНН' },
              { validator: (_, v: string) => (!v || !innProblem(v) ? Promise.resolve() : Promise.reject(new Error(innProblem(v)!))) }]}>
            <Input inputMode="numeric" maxLength={14} />
          </Form.Item>
          <Form.Item label="Должность" name="position" rules={[{ required: true, message: 'Укажите должность' }, { max: 200 }]}>
            <Input autoComplete="organization-title" />
          </Form.Item>
          <Form.Item label="Образование" name="education" rules={[{ required: true, message: 'Укажите образование' }, { max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item label="E-mail" name="email" extra="Адрес вашей учётной записи" rules={[{ required: true, type: 'email' }]}>
            <Input type="email" autoComplete="email" readOnly={!!person.email} />
          </Form.Item>
          <Form.Item label="Телефон" name="phone" rules={[{ required: true, message: 'Укажите телефон' }]}>
            <Input type="tel" autoComplete="tel" placeholder="+7 (495) 123-45-67" />
          </Form.Item>
          <Form.Item label="Логин" htmlFor="profile-login" extra="Логин вашей учётной записи">
            <Input id="profile-login" value={person.login} readOnly aria-readonly />
          </Form.Item>
        </Card>
        <Card title="Настройки" style={{ marginTop: 16 }}>
          <Form.Item name="trainingApplications" valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>Хочу подавать заявки на обучение</Checkbox>
          </Form.Item>
          <Form.Item name="supportRequests" valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>Хочу подавать заявки в техническую поддержку</Checkbox>
          </Form.Item>
          <Form.Item name="eventApplications" valuePropName="checked">
            <Checkbox>Хочу подавать заявки на мероприятия</Checkbox>
          </Form.Item>
        </Card>
        <Card style={{ marginTop: 16 }}>
          <Form.Item name="agreementAccepted" valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('Примите соглашение'))) }]}>
            <Checkbox>
              Принимаю{' '}
              <Button type="link" style={{ padding: 0 }} onClick={(e) => { e.preventDefault(); setAgreementOpen(true); }}>
                соглашение об обработке персональных данных
              </Button>
              {agreement.data && ` (редакция от ${agreement.data.version})`}
            </Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={save.isPending}>Сохранить</Button>
        </Card>
      </Form>
      <Modal open={agreementOpen} title={agreement.data?.title ?? 'Соглашение'} onCancel={() => setAgreementOpen(false)}
        footer={<Button type="primary" onClick={() => { form.setFieldValue('agreementAccepted', true); setAgreementOpen(false); }}>Принимаю</Button>}
        width={760}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{agreement.data?.text}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}
