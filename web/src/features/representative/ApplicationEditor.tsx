import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Divider, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { applications, programmes, representatives } from '../../api/endpoints';
import type { ApplicationForm, ApplicationFormParticipant } from '../../api/types';
import { bikProblem, correspondentAccountProblem, innProblem, kppProblem, ogrnProblem, settlementAccountProblem, snilsProblem } from '../../lib/checksums';
import { date } from '../../lib/format';
import { ApiError, splitViolations } from '../../lib/problem';
import { ErrorNote } from '../common';

/** A checksum hint as an antd rule: the message shows at the field as one types. */
const hint = (problem: (v: string) => string | null) => ({
  validator: (_: unknown, v: string) => (!v || !problem(v) ? Promise.resolve() : Promise.reject(new Error(problem(v)!))),
});
const required = (message: string) => ({ required: true, message });
/** A hint that needs the BIK typed above: the accounts' keys depend on it. */
const hintWithBik = (problem: (v: string, bik: string) => string | null) => ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) =>
  hint((v) => problem(v, String(getFieldValue(['organisation', 'bik']) ?? '')));

const EMPTY_PARTICIPANT: ApplicationFormParticipant = {
  participantId: null, surname: '', name: '', patronymic: '', sex: null, position: '', birthDate: null, subject: null,
  educationLevel: null, diplomaSurname: '', diplomaSeries: '', diplomaNumber: '', snils: '', email: '',
};

/**
 * The application form of Рис. 2–3: the applicant, the programme, the organisation with its requisites, the
 * participants with one subject each. Saved as a draft (incomplete is fine); the scans come next, then submission.
 */
export function ApplicationEditor() {
  const { id } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<ApplicationForm>();
  const [topErrors, setTopErrors] = useState<string[]>([]);
  const mine = useQuery({ queryKey: ['representatives', 'me'], queryFn: representatives.mine });
  const open = useQuery({ queryKey: ['programmes', 'open'], queryFn: () => programmes.list(false) });
  const regions = useQuery({ queryKey: ['regions'], queryFn: applications.regions, staleTime: Infinity });
  const existing = useQuery({ queryKey: ['application', id], queryFn: () => applications.one(id!), enabled: !!id });
  const programmeId = Form.useWatch('programmeId', form);
  const viaPlatform = Form.useWatch('viaProcurementPlatform', form);
  const programme = useMemo(() => open.data?.find((p) => p.id === programmeId), [open.data, programmeId]);

  useEffect(() => {
    if (existing.data?.form) {
      form.setFieldsValue(existing.data.form);
    } else if (!id && mine.data) {
      const r = mine.data.registration;
      form.setFieldsValue({
        applicant: { surname: r.profile.surname, name: r.profile.name, patronymic: r.profile.patronymic,
          position: r.profile.position, workPhone: r.profile.phone, mobilePhone: '', email: r.profile.email },
        resultDelivery: 'PAPER', paymentTerms: 'PREPAYMENT', viaProcurementPlatform: false, personalDataConsent: false,
        organisation: { region: null, fullName: r.profile.organisationName, shortName: '', officialEmail: '',
          fisOkoLogin: '', legalAddress: '', postalAddress: '', inn: r.organisationInn, kpp: '', bik: '', ogrn: '',
          settlementAccount: '', correspondentAccount: '', bankName: '',
          signatory: { position: '', fullName: '', basis: 'CHARTER', powerOfAttorneyNumber: null, powerOfAttorneyDate: null } },
        participants: [{ ...EMPTY_PARTICIPANT }],
      });
    }
  }, [existing.data, id, mine.data, form]);

  const save = useMutation({
    mutationFn: (values: ApplicationForm) => {
      const body: ApplicationForm = { ...values, participants: values.participants ?? [] };
      return id ? applications.change(id, body) : applications.draft(body);
    },
    onSuccess: async (answer) => {
      await client.invalidateQueries({ queryKey: ['application', answer.id] });
      await client.invalidateQueries({ queryKey: ['applications'] });
      navigate(`/applications/${answer.id}?tab=documents`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.violations.length) {
        const split = splitViolations(e.violations, (p) => ['applicant', 'organisation', 'participants', 'programmeId',
          'comment', 'resultDelivery', 'paymentTerms'].includes(String(p[0])) && !(p[0] === 'participants' && p.length < 3));
        form.setFields(split.fields as Parameters<typeof form.setFields>[0]);
        setTopErrors(split.rest);
        window.scrollTo({ top: 0, behavior: 'smooth' });
      }
    },
  });

  const copyLegalAddress = () => form.setFieldValue(['organisation', 'postalAddress'], form.getFieldValue(['organisation', 'legalAddress']));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>{id ? 'Изменение заявки' : 'Заявка на обучение'}</Typography.Title>
      <Alert type="info" showIcon title="Заполняйте форму внимательно"
        description="Отсутствие опечаток гарантирует эффективное взаимодействие с вашей организацией. Черновик можно сохранить незаполненным; после сохранения загрузите сканы документов участников и отправьте заявку." />
      <ErrorNote error={save.error} title="Заявка не сохранена" />
      {topErrors.length > 0 && <Alert type="error" title="Исправьте" description={topErrors.join('\n')} />}
      {/* a draft may be incomplete: saving does not wait for every field; the service checks what is there */}
      <Form form={form} layout="vertical" scrollToFirstError aria-label="Заявка">
        <Card title="Заявитель">
          <Row gutter={16}>
            <Col xs={24} md={8}><Form.Item label="Фамилия" name={['applicant', 'surname']} rules={[required('Укажите фамилию'), { max: 100 }]}><Input autoComplete="family-name" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="Имя" name={['applicant', 'name']} rules={[required('Укажите имя'), { max: 100 }]}><Input autoComplete="given-name" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="Отчество" name={['applicant', 'patronymic']} rules={[{ max: 100 }]}><Input autoComplete="additional-name" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="Должность" name={['applicant', 'position']} rules={[required('Укажите должность'), { max: 200 }]}><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="Телефон рабочий" name={['applicant', 'workPhone']} rules={[required('Укажите рабочий телефон')]}><Input type="tel" placeholder="+7 (495) 123-45-67" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="Телефон мобильный" name={['applicant', 'mobilePhone']} rules={[required('Укажите мобильный телефон')]}><Input type="tel" placeholder="+7 916 123-45-67" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="E-mail" name={['applicant', 'email']} rules={[required('Укажите e-mail'), { type: 'email', message: 'Неверный адрес' }]}><Input type="email" /></Form.Item></Col>
          </Row>
          <Form.Item label="Получение результатов" name="resultDelivery" rules={[required('Выберите')]}>
            <Radio.Group options={[{ value: 'ELECTRONIC', label: 'в электронном виде' }, { value: 'PAPER', label: 'в бумажном виде' }]} />
          </Form.Item>
          <Form.Item name="viaProcurementPlatform" valuePropName="checked">
            <Checkbox>Договор размещается на электронной площадке</Checkbox>
          </Form.Item>
          <Form.Item label="Комментарии" name="comment" rules={[{ max: 2000 }, ...(viaPlatform ? [required('Укажите наименование электронной площадки')] : [])]}
            extra={viaPlatform ? 'Укажите наименование электронной площадки; результаты — в электронном виде' : undefined}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="Условия оплаты" name="paymentTerms" rules={[required('Выберите условия оплаты')]}>
            <Radio.Group options={[{ value: 'PREPAYMENT', label: 'предоплата 100 %' }, { value: 'POSTPAYMENT', label: 'оплата услуг после их оказания' }]} />
          </Form.Item>
        </Card>

        <Card title="Учебная программа" style={{ marginTop: 16 }}>
          <Form.Item label="Программа" name="programmeId" rules={[required('Выберите программу')]}>
            <Select showSearch optionFilterProp="label" placeholder="Выберите программу" loading={open.isLoading}
              options={(open.data ?? []).map((p) => ({ value: p.id, label: `${p.title} (${date(p.startDate)} – ${date(p.endDate)})` }))} />
          </Form.Item>
          {programme && <Typography.Text type="secondary">
            {programme.hours} ч., {programme.pricePerParticipant.toLocaleString('ru-RU', { minimumFractionDigits: 2 })} руб. за участника, {programme.vat}
          </Typography.Text>}
        </Card>

        <Card title="Организация" style={{ marginTop: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}><Form.Item label="Субъект РФ" name={['organisation', 'region']} rules={[required('Выберите субъект РФ')]}>
              <Select showSearch placeholder="Начните вводить" options={(regions.data ?? []).map((r) => ({ value: r, label: r }))} />
            </Form.Item></Col>
            <Col xs={24} md={16}><Form.Item label="Полное название организации" name={['organisation', 'fullName']} rules={[required('Укажите полное название'), { max: 500 }]}><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="Краткое название организации" name={['organisation', 'shortName']} rules={[required('Укажите краткое название'), { max: 200 }]}><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="Официальный e-mail организации" name={['organisation', 'officialEmail']} rules={[required('Укажите e-mail'), { type: 'email', message: 'Неверный адрес' }]}><Input type="email" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="Логин ФИС ОКО (Статграда)" name={['organisation', 'fisOkoLogin']} rules={[{ max: 100 }]}><Input /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item label="Юридический адрес" name={['organisation', 'legalAddress']} rules={[required('Укажите юридический адрес'), { max: 500 }]}><Input /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item label="Почтовый адрес" name={['organisation', 'postalAddress']} rules={[required('Укажите почтовый адрес'), { max: 500 }]}
              extra={<Button type="link" size="small" style={{ padding: 0 }} onClick={copyLegalAddress}>совпадает с юридическим</Button>}><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="ИНН" name={['organisation', 'inn']} rules={[required('Укажите ИНН'), hint(innProblem)]}
              extra="ИНН организации, которую вы представляете"><Input inputMode="numeric" readOnly /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="КПП" name={['organisation', 'kpp']} rules={[required('Укажите КПП'), hint(kppProblem)]}><Input maxLength={9} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="БИК" name={['organisation', 'bik']} rules={[required('Укажите БИК'), hint(bikProblem)]}><Input inputMode="numeric" maxLength={9} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="ОГРН" name={['organisation', 'ogrn']} rules={[required('Укажите ОГРН'), hint(ogrnProblem)]}><Input inputMode="numeric" maxLength={15} /></Form.Item></Col>
            <Col xs={24} md={16}><Form.Item label="Наименование банка" name={['organisation', 'bankName']} rules={[required('Укажите банк'), { max: 300 }]}><Input /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item label="Расчётный счёт" name={['organisation', 'settlementAccount']} dependencies={[['organisation', 'bik']]}
              rules={[required('Укажите расчётный счёт'), hintWithBik(settlementAccountProblem)]}><Input inputMode="numeric" maxLength={20} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item label="Корреспондентский счёт" name={['organisation', 'correspondentAccount']} dependencies={[['organisation', 'bik']]}
              rules={[required('Укажите корреспондентский счёт'), hintWithBik(correspondentAccountProblem)]}><Input inputMode="numeric" maxLength={20} /></Form.Item></Col>
          </Row>
          <Typography.Title level={3} style={{ fontSize: 16 }}>Кто подписывает договор</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={8}><Form.Item label="Должность подписанта" name={['organisation', 'signatory', 'position']} rules={[required('Укажите должность'), { max: 200 }]}
              extra="например: Директор"><Input /></Form.Item></Col>
            <Col xs={24} md={16}><Form.Item label="ФИО подписанта" name={['organisation', 'signatory', 'fullName']} rules={[required('Укажите ФИО'), { max: 300 }]}><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="Основание" name={['organisation', 'signatory', 'basis']} rules={[required('Выберите основание')]}>
              <Radio.Group options={[{ value: 'CHARTER', label: 'Устав' }, { value: 'POWER_OF_ATTORNEY', label: 'Доверенность' }]} /></Form.Item></Col>
            <Form.Item noStyle dependencies={[['organisation', 'signatory', 'basis']]}>
              {({ getFieldValue }) => getFieldValue(['organisation', 'signatory', 'basis']) === 'POWER_OF_ATTORNEY' && (
                <>
                  <Col xs={24} md={8}><Form.Item label="Номер доверенности" name={['organisation', 'signatory', 'powerOfAttorneyNumber']} rules={[required('Укажите номер'), { max: 50 }]}><Input /></Form.Item></Col>
                  <Col xs={24} md={8}><Form.Item label="Дата доверенности" name={['organisation', 'signatory', 'powerOfAttorneyDate']} rules={[required('Укажите дату')]}><Input type="date" /></Form.Item></Col>
                </>
              )}
            </Form.Item>
          </Row>
        </Card>

        <Card title="Участники" style={{ marginTop: 16 }}>
          <Form.List name="participants">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <div key={field.key} role="group" aria-label={`Участник ${index + 1}`}>
                    <Divider titlePlacement="start">Участник {index + 1}</Divider>
                    <Form.Item name={[field.name, 'participantId']} hidden><Input /></Form.Item>
                    <Row gutter={16}>
                      <Col xs={24} md={8}><Form.Item label="Фамилия" name={[field.name, 'surname']} rules={[required('Укажите фамилию'), { max: 100 }]}><Input /></Form.Item></Col>
                      <Col xs={24} md={8}><Form.Item label="Имя" name={[field.name, 'name']} rules={[required('Укажите имя'), { max: 100 }]}><Input /></Form.Item></Col>
                      <Col xs={24} md={8}><Form.Item label="Отчество" name={[field.name, 'patronymic']} rules={[{ max: 100 }]}><Input /></Form.Item></Col>
                      <Col xs={24} md={6}><Form.Item label="Пол" name={[field.name, 'sex']} rules={[required('Выберите')]}>
                        <Radio.Group options={[{ value: 'MALE', label: 'мужской' }, { value: 'FEMALE', label: 'женский' }]} />
                      </Form.Item></Col>
                      <Col xs={24} md={6}><Form.Item label="Дата рождения" name={[field.name, 'birthDate']} rules={[required('Укажите дату рождения')]}><Input type="date" /></Form.Item></Col>
                      <Col xs={24} md={12}><Form.Item label="Должность" name={[field.name, 'position']} rules={[required('Укажите должность'), { max: 200 }]}><Input /></Form.Item></Col>
                      <Col xs={24} md={12}>
                        {/* the list re-renders only when the participants change: the subjects follow the programme here */}
                        <Form.Item noStyle dependencies={['programmeId']}>
                          {() => {
                            const subjects = open.data?.find((p) => p.id === form.getFieldValue('programmeId'))?.subjects ?? [];
                            return (
                              <Form.Item label="Предмет" name={[field.name, 'subject']} rules={[required('Выберите предмет')]}
                                extra={subjects.length ? undefined : 'Сначала выберите программу'}>
                                <Select placeholder="Предмет обучения" options={subjects.map((s) => ({ value: s, label: s }))} />
                              </Form.Item>
                            );
                          }}
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}><Form.Item label="Уровень образования" name={[field.name, 'educationLevel']} rules={[required('Выберите')]}>
                        <Radio.Group options={[{ value: 'HIGHER', label: 'высшее' }, { value: 'SECONDARY_VOCATIONAL', label: 'среднее профессиональное' }]} />
                      </Form.Item></Col>
                      <Col xs={24} md={8}><Form.Item label="Фамилия в дипломе" name={[field.name, 'diplomaSurname']} rules={[required('Укажите фамилию, указанную в дипломе'), { max: 100 }]}
                        extra="Если отличается от нынешней, понадобится документ о смене фамилии"><Input /></Form.Item></Col>
                      <Col xs={24} md={8}><Form.Item label="Серия диплома" name={[field.name, 'diplomaSeries']} rules={[{ max: 20 }]}><Input /></Form.Item></Col>
                      <Col xs={24} md={8}><Form.Item label="Номер диплома" name={[field.name, 'diplomaNumber']} rules={[required('Укажите номер диплома'), { max: 30 }]}><Input /></Form.Item></Col>
                      <Col xs={24} md={12}><Form.Item label="СНИЛС" name={[field.name, 'snils']} rules={[required('Укажите СНИЛС'), hint(snilsProblem)]}><Input placeholder="112-233-445 95" /></Form.Item></Col>
                      <Col xs={24} md={12}><Form.Item label="E-mail" name={[field.name, 'email']} rules={[required('Укажите e-mail'), { type: 'email', message: 'Неверный адрес' }]}><Input type="email" /></Form.Item></Col>
                    </Row>
                    {fields.length > 1 && <Button danger onClick={() => remove(field.name)}>Удалить участника {index + 1}</Button>}
                  </div>
                ))}
                <Divider />
                <Button onClick={() => add({ ...EMPTY_PARTICIPANT })} disabled={fields.length >= 100}>Добавить участника</Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card style={{ marginTop: 16 }}>
          <Form.Item name="personalDataConsent" valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('Нужно согласие участников'))) }]}>
            <Checkbox>Участники дали согласие на обработку персональных данных</Checkbox>
          </Form.Item>
          <Space>
            <Button type="primary" size="large" loading={save.isPending}
              onClick={() => save.mutate(form.getFieldsValue(true) as ApplicationForm)}>Сохранить черновик</Button>
            <Button size="large" onClick={() => navigate(id ? `/applications/${id}` : '/')}>Отмена</Button>
          </Space>
        </Card>
      </Form>
    </Space>
  );
}
