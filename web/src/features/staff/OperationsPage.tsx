import { useState, type ReactNode } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Service } from '../../api/http';
import { mail } from '../../api/endpoints';
import { deadLetters, publisher } from '../../api/operations';
import type { DeadLetter, DeadLetterState, FailedMail, PublisherStatus, QuarantineEntry } from '../../api/types';
import { dateTime } from '../../lib/format';
import {
  DEAD_LETTER_FILTERS, SERVICES, deadLetterStateLabel, pollInterval, publishesNothing, quarantineStateLabel,
  readablePayload, serviceTitle, shortType,
} from '../../lib/operations';
import { ApiError, splitViolations } from '../../lib/problem';
import { ErrorNote } from '../common';

/**
 * What an operator watches, for every service: the publisher's lag and whether it stopped at an event it cannot
 * publish, the events parked in its quarantine (publish again or skip with a reason), the records the consumers
 * could not apply (inspect, apply again), and the mails that could not be sent (send again).
 */
export function OperationsPage() {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>Эксплуатация</Typography.Title>
      <Typography.Paragraph>Сервисы публикуют свои события в Kafka и применяют события других сервисов. Событие, которое
        нельзя опубликовать, попадает в карантин, и публикация останавливается на нём до решения сотрудника; запись, которую
        потребитель не смог применить, откладывается и ждёт, пока причину устранят и её применят снова.</Typography.Paragraph>
      <Section id="operations-publishing" title="Публикация событий"><Publishing /></Section>
      <Section id="operations-quarantine" title="Карантин публикации"><Quarantine /></Section>
      <Section id="operations-dead-letters" title="Отложенные записи потребителей"><DeadLetters /></Section>
      <Section id="operations-mail" title="Письма, которые не удалось отправить"><FailedMails /></Section>
    </Space>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Typography.Title level={2} id={id}>{title}</Typography.Title>
      <div className="operations-section">{children}</div>
    </section>
  );
}

/** Each service's failure to answer, under its name (a service that publishes nothing is not a failure). */
function ServiceErrors({ results }: { results: { service: Service; error: unknown }[] }) {
  return <>{results.filter((r) => r.error && !publishesNothing(r.error)).map((r) =>
    <ErrorNote key={r.service} error={r.error} title={`${serviceTitle(r.service)}: не получилось`} />)}</>;
}

// ---------------------------------------------------------------------------------------------- publishing

function Publishing() {
  const results = useQueries({
    queries: SERVICES.map(({ service }) => ({
      queryKey: ['publisher', service],
      queryFn: () => publisher.status(service),
      refetchInterval: (q: { state: { error: unknown } }) => (publishesNothing(q.state.error) ? false as const : 5_000),
    })),
  });
  const rows = SERVICES.flatMap(({ service }, i) => (results[i].data ? [{ service, status: results[i].data }] : []));
  const loading = results.some((r) => r.isLoading);
  return (
    <>
      <ServiceErrors results={SERVICES.map(({ service }, i) => ({ service, error: results[i].error }))} />
      {rows.filter((r) => r.status.parkedEvent).map((r) => (
        <Alert key={r.service} type="error" showIcon
          title={`Публикация остановлена: событие ${r.status.parkedEvent} в карантине`}
          description={`${serviceTitle(r.service)}, топик ${r.status.topic}. ${r.status.lastError ? `Ошибка: ${r.status.lastError}. ` : ''}`
            + 'Опубликуйте событие снова или пропустите его в разделе «Карантин публикации».'} />
      ))}
      {!loading && rows.length === 0 && results.every((r) => !r.error || publishesNothing(r.error))
        ? <Typography.Text type="secondary">Ни один сервис не публикует событий.</Typography.Text> : (
        <Table<{ service: Service; status: PublisherStatus }> rowKey="service" size="small" pagination={false}
          loading={loading} dataSource={rows} columns={[
            { title: 'Сервис', render: (_, r) => serviceTitle(r.service) },
            { title: 'Топик', render: (_, r) => r.status.topic },
            { title: 'Публикация', render: (_, r) => r.status.parkedEvent ? <Tag color="error">остановлена</Tag>
              : r.status.running ? <Tag color="success">работает</Tag> : <Tag color="warning">не запущена</Tag> },
            { title: 'Не опубликовано событий', render: (_, r) => r.status.unpublished },
            { title: 'Опубликовано', render: (_, r) => r.status.published },
            { title: 'Последняя ошибка', render: (_, r) => r.status.lastError ?? '—' },
          ]} />
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------------- quarantine

type Parked = { service: Service; entry: QuarantineEntry };

function Quarantine() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [skipping, setSkipping] = useState<Parked | null>(null);
  const results = useQueries({
    queries: SERVICES.map(({ service }) => ({
      queryKey: ['publisher-quarantine', service],
      queryFn: () => publisher.quarantine(service),
      refetchInterval: (q: { state: { data?: QuarantineEntry[]; error: unknown } }) => publishesNothing(q.state.error)
        ? false as const : pollInterval(q.state.data?.some((e) => e.state === 'RELEASED') ?? false, 2_000, 10_000),
    })),
  });
  const rows: Parked[] = SERVICES.flatMap(({ service }, i) => (results[i].data ?? []).map((entry) => ({ service, entry })))
    .sort((a, b) => Number(b.entry.state === 'PARKED') - Number(a.entry.state === 'PARKED')
      || (b.entry.parkedAt ?? '').localeCompare(a.entry.parkedAt ?? ''));
  const publish = useMutation({
    mutationFn: ({ service, entry }: Parked) => publisher.publish(service, entry.eventId),
    onSuccess: async (_, { service }) => {
      message.success('Событие снова отправлено на публикацию');
      await client.invalidateQueries({ queryKey: ['publisher-quarantine', service] });
      await client.invalidateQueries({ queryKey: ['publisher', service] });
    },
  });
  const loading = results.some((r) => r.isLoading);
  return (
    <>
      <ServiceErrors results={SERVICES.map(({ service }, i) => ({ service, error: results[i].error }))} />
      <ErrorNote error={publish.error} title="Событие не отправлено на публикацию" />
      {!loading && rows.length === 0 ? <Typography.Text type="secondary">В карантине нет событий.</Typography.Text> : (
        <Table<Parked> rowKey={(r) => `${r.service}|${r.entry.eventId}`} size="small" pagination={false} loading={loading}
          dataSource={rows} columns={[
            { title: 'Сервис', render: (_, r) => serviceTitle(r.service) },
            { title: 'Событие', render: (_, r) => <>
              <span title={r.entry.type}>{shortType(r.entry.type)}</span><br />
              <Typography.Text type="secondary">{r.entry.eventId}</Typography.Text>
            </> },
            { title: 'Агрегат', render: (_, r) => `${r.entry.aggregateId}${r.entry.sequence != null ? `, № ${r.entry.sequence}` : ''}` },
            { title: 'Почему не опубликовано', render: (_, r) => r.entry.reason },
            { title: 'В карантине с', render: (_, r) => dateTime(r.entry.parkedAt) },
            { title: 'Состояние', render: (_, r) => <>
              <Tag color={r.entry.state === 'PARKED' ? 'error' : r.entry.state === 'RELEASED' ? 'processing' : 'default'}>
                {quarantineStateLabel(r.entry.state)}</Tag>
              {r.entry.decidedBy && <div>{r.entry.decidedBy}, {dateTime(r.entry.decidedAt)}</div>}
              {r.entry.skipReason && <div>Причина: {r.entry.skipReason}</div>}
            </> },
            { title: 'Действия', render: (_, r) => r.entry.state === 'PARKED' && (
              <Space wrap>
                <Button type="primary" loading={publish.isPending && publish.variables?.entry.eventId === r.entry.eventId}
                  onClick={() => publish.mutate(r)}>Опубликовать снова</Button>
                <Button danger onClick={() => setSkipping(r)}>Пропустить…</Button>
              </Space>
            ) },
          ]} />
      )}
      {skipping && <SkipModal parked={skipping} onClose={() => setSkipping(null)} />}
    </>
  );
}

/** Skipping an event for good, with the reason the quarantine keeps. */
function SkipModal({ parked: { service, entry }, onClose }: { parked: Parked; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const skip = useMutation({
    mutationFn: (reason: string) => publisher.skip(service, entry.eventId, reason),
    onSuccess: async () => {
      message.success('Событие пропущено: оно не будет опубликовано');
      await client.invalidateQueries({ queryKey: ['publisher-quarantine', service] });
      await client.invalidateQueries({ queryKey: ['publisher', service] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.violations.length) {
        form.setFields(splitViolations(e.violations, (p) => p[0] === 'reason').fields as Parameters<typeof form.setFields>[0]);
      }
    },
  });
  // a refusal that names only the reason shows at the field; anything else (409: decided already) above it
  const onField = skip.error instanceof ApiError && skip.error.violations.length > 0
    && skip.error.violations.every((v) => v.field === 'reason');
  return (
    <Modal open title={`Пропустить событие ${shortType(entry.type)}`} okText="Пропустить" cancelText="Отмена"
      okButtonProps={{ danger: true }} confirmLoading={skip.isPending} onCancel={onClose}
      onOk={() => form.validateFields().then((v) => skip.mutate(v.reason)).catch(() => undefined)}>
      <Typography.Paragraph>Событие {entry.eventId} ({serviceTitle(service)}) не будет опубликовано: потребители о нём не
        узнают, публикация продолжится со следующего события.</Typography.Paragraph>
      <ErrorNote error={onField ? null : skip.error} title="Событие не пропущено" />
      <Form form={form} name="quarantine-skip" layout="vertical">
        <Form.Item label="Причина пропуска" name="reason" rules={[
          { required: true, whitespace: true, message: 'Укажите, почему событие не будет опубликовано' },
          { max: 2000, message: 'Не длиннее 2000 символов' },
        ]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------- dead letters

type Dead = { service: Service; letter: DeadLetter };

function DeadLetters() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [state, setState] = useState<'' | DeadLetterState>('');
  const [expanded, setExpanded] = useState<string[]>([]);
  const results = useQueries({
    queries: SERVICES.map(({ service }) => ({
      queryKey: ['dead-letters', service, state],
      queryFn: () => deadLetters.list(service, { state: state || undefined }),
      refetchInterval: (q: { state: { data?: DeadLetter[] } }) =>
        pollInterval(q.state.data?.some((d) => d.state === 'REDRIVING') ?? false),
    })),
  });
  const rows: Dead[] = SERVICES.flatMap(({ service }, i) => (results[i].data ?? []).map((letter) => ({ service, letter })))
    .sort((a, b) => (b.letter.lastAt ?? '').localeCompare(a.letter.lastAt ?? ''));
  const redrive = useMutation({
    mutationFn: ({ service, letter }: Dead) => deadLetters.redrive(service, letter.id),
    onSuccess: async (_, { service }) => {
      message.info('Запись отправлена повторно: потребитель применяет её');
      await client.invalidateQueries({ queryKey: ['dead-letters', service] });
      await client.invalidateQueries({ queryKey: ['dead-letter', service] });
    },
  });
  const key = (r: Dead) => `${r.service}|${r.letter.id}`;
  const loading = results.some((r) => r.isLoading);
  return (
    <>
      <Space wrap>
        <label htmlFor="dead-letter-state">Состояние записей</label>
        <Select id="dead-letter-state" style={{ width: 200 }} value={state} onChange={setState} options={DEAD_LETTER_FILTERS} />
      </Space>
      <ServiceErrors results={SERVICES.map(({ service }, i) => ({ service, error: results[i].error }))} />
      <ErrorNote error={redrive.error} title="Запись не отправлена повторно" />
      {!loading && rows.length === 0 ? <Typography.Text type="secondary">Отложенных записей нет.</Typography.Text> : (
        <Table<Dead> rowKey={key} size="small" pagination={{ pageSize: 50, hideOnSinglePage: true }} loading={loading}
          dataSource={rows}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, r) => setExpanded(open ? [...expanded, key(r)] : expanded.filter((k) => k !== key(r))),
            expandedRowRender: (r) => <DeadLetterDetail dead={r} />,
            expandIcon: ({ expanded: open, record, onExpand }) => (
              // the theme's colour even under the pointer: the lighter hover colour fails the contrast on the row's background
              <Button type="link" size="small" aria-expanded={open} style={{ color: 'var(--ant-color-primary)' }}
                onClick={(e) => onExpand(record, e)}>
                {open ? 'Скрыть' : 'Подробнее'}</Button>
            ),
          }}
          columns={[
            { title: 'Сервис', render: (_, r) => serviceTitle(r.service) },
            { title: 'Потребитель', render: (_, r) => r.letter.consumer },
            { title: 'Событие', render: (_, r) => <span title={r.letter.type ?? undefined}>{shortType(r.letter.type)}</span> },
            { title: 'Объект', render: (_, r) => r.letter.subject ?? '—' },
            { title: 'Почему не применена', render: (_, r) => r.letter.reason ?? '—' },
            { title: 'Сколько раз', render: (_, r) => r.letter.times },
            { title: 'Последний раз', render: (_, r) => dateTime(r.letter.lastAt) },
            { title: 'Состояние', render: (_, r) => <>
              <Tag color={r.letter.state === 'WAITING' ? 'warning' : r.letter.state === 'REDRIVING' ? 'processing' : 'success'}>
                {deadLetterStateLabel(r.letter.state)}</Tag>
              {r.letter.redrivenBy && <div>{r.letter.redrivenBy}, {dateTime(r.letter.redrivenAt)}</div>}
            </> },
            { title: 'Действие', render: (_, r) => r.letter.state === 'WAITING' && (
              <Button loading={redrive.isPending && redrive.variables?.letter.id === r.letter.id}
                onClick={() => redrive.mutate(r)}>Применить снова</Button>
            ) },
          ]} />
      )}
    </>
  );
}

/** One dead letter as it came: where from, its key, its headers and its payload. */
function DeadLetterDetail({ dead }: { dead: Dead }) {
  const one = useQuery({
    queryKey: ['dead-letter', dead.service, dead.letter.id],
    queryFn: () => deadLetters.one(dead.service, dead.letter.id),
    placeholderData: dead.letter,
  });
  const d = one.data ?? dead.letter;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorNote error={one.error} />
      <dl className="dead-letter-facts">
        <dt>Топик</dt><dd>{d.topic}, раздел {d.partition}, смещение {d.offset}</dd>
        <dt>Событие</dt><dd>{d.type ?? '—'} ({d.eventId ?? 'без идентификатора'})</dd>
        <dt>Ключ</dt><dd>{d.key ?? '—'}</dd>
        <dt>Впервые отложена</dt><dd>{dateTime(d.firstAt)}</dd>
        <dt>Причина</dt><dd>{d.reason ?? '—'}</dd>
      </dl>
      <pre tabIndex={0} aria-label="Содержимое записи"
        style={{ maxHeight: 320, overflow: 'auto', background: '#fafafa', padding: 8, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {readablePayload(d.value)}</pre>
      <table className="simple-table">
        <caption>Заголовки записи</caption>
        <thead><tr><th scope="col">Имя</th><th scope="col">Значение</th></tr></thead>
        <tbody>{(d.headers ?? []).map((h, i) => <tr key={i}><td>{h.name}</td><td style={{ wordBreak: 'break-all' }}>{h.value ?? '—'}</td></tr>)}</tbody>
      </table>
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------- mail

/** Mails the platform gave up on (the server refused them for good, or for days): staff fix the cause, then send again. */
function FailedMails() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery({ queryKey: ['failed-mail'], queryFn: mail.failed, refetchInterval: 60_000 });
  const retry = useMutation({
    mutationFn: (id: string) => mail.retry(id),
    onSuccess: async () => {
      message.success('Письмо снова в очереди');
      await client.invalidateQueries({ queryKey: ['failed-mail'] });
    },
  });
  return (
    <>
      <ErrorNote error={list.error ?? retry.error} />
      {list.isLoading ? null : (list.data ?? []).length === 0
        ? <Typography.Text type="secondary">Все письма отправлены.</Typography.Text> : <>
          <Typography.Text>Не отправлено писем: {list.data?.length}</Typography.Text>
          <Table<FailedMail> rowKey="id" size="small" pagination={false} dataSource={list.data ?? []} columns={[
            { title: 'Заявка', render: (_, m) => m.applicationNumber ?? '—' },
            { title: 'Кому', dataIndex: 'to' },
            { title: 'Попыток', dataIndex: 'attempts' },
            { title: 'Ответ почтового сервера', render: (_, m) => m.lastError ?? '—' },
            { title: 'Когда', render: (_, m) => dateTime(m.failedAt) },
            { title: 'Действие', render: (_, m) => <Button onClick={() => retry.mutate(m.id)}
              loading={retry.isPending && retry.variables === m.id}>Отправить снова</Button> },
          ]} />
        </>}
    </>
  );
}
