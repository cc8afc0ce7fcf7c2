import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Col, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import { applications, contracts, documents, nextSteps, representatives } from '../../api/endpoints';
import type { ApplicationSummary, ContractQueue, ContractView, DocumentAwaiting, NextStepsNext } from '../../api/types';
import { date, money } from '../../lib/format';
import { byUrgency } from '../../lib/nextSteps';
import { ErrorNote, StepText } from '../common';

const REFRESH = 15_000;

/** Staff's front page: the queues first, each with its count, the overdue marked; every line leads to its screen. */
export function StaffQueues() {
  const fresh = useQuery({ queryKey: ['queue', 'submitted'], queryFn: () => applications.list({ status: 'SUBMITTED', size: 100 }), refetchInterval: REFRESH });
  const overdue = useQuery({ queryKey: ['queue', 'overdue'], queryFn: () => applications.list({ overdue: true, size: 100 }), refetchInterval: REFRESH });
  const review = useQuery({ queryKey: ['review-queue'], queryFn: () => documents.reviewQueue(0, 100), refetchInterval: REFRESH });
  const owed = useQuery({ queryKey: ['next-steps', 'institute'], queryFn: () => nextSteps.list(0, 100), refetchInterval: REFRESH });
  const people = useQuery({ queryKey: ['representatives', 'PENDING'], queryFn: () => representatives.list('PENDING'), refetchInterval: REFRESH });
  const originals = useQuery({ queryKey: ['originals-overdue'], queryFn: contracts.originalsOverdue, refetchInterval: REFRESH });
  const invoices = useQuery({ queryKey: ['invoices-overdue'], queryFn: contracts.invoicesOverdue, refetchInterval: REFRESH });
  const lateCount = (overdue.data?.total ?? 0) + (originals.data?.length ?? 0) + (invoices.data?.length ?? 0);
  const [year, setYear] = useState(new Date().getFullYear());
  const owedItems = byUrgency((owed.data?.items ?? []).filter((n) => n.institute), 'institute');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>Очереди</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<Counted title="Новые заявки" count={fresh.data?.total} />}>
            <ErrorNote error={fresh.error} />
            <ApplicationsTable items={fresh.data?.items ?? []} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<Counted title="Документы на проверке" count={review.data?.total} overdue={review.data?.items.filter((i) => i.overdue).length} />}>
            <ErrorNote error={review.error} />
            <Table<DocumentAwaiting> rowKey={(r) => `${r.applicationId}-${r.participantId}-${r.slot}-${r.version}`} size="small"
              pagination={{ pageSize: 10 }} dataSource={review.data?.items ?? []} columns={[
                { title: 'Документ', render: (_, r) => <Link to={`/applications/${r.applicationId}?tab=documents`}>{r.slotTitle}{r.displayName ? `: ${r.displayName}` : ''}</Link> },
                { title: 'Версия', dataIndex: 'version' },
                { title: 'Проверить до', render: (_, r) => <span className={r.overdue ? 'step-overdue' : undefined}>{date(r.reviewDueDate)}{r.overdue ? ' — просрочено' : ''}</span> },
              ]} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<Counted title="Что должен институт" count={owedItems.length} overdue={owedItems.filter((n) => n.institute?.overdue).length} />}>
            <ErrorNote error={owed.error} />
            <Table<NextStepsNext> rowKey="applicationId" size="small" pagination={{ pageSize: 10 }} dataSource={owedItems} columns={[
              { title: 'Заявка', render: (_, n) => <Link to={`/applications/${n.applicationId}`}>{n.number ?? 'черновик'}</Link> },
              { title: 'Этап', dataIndex: 'statusTitle' },
              { title: 'Что сделать', render: (_, n) => <StepText step={n.institute} /> },
            ]} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<Counted title="Просрочено" count={lateCount} overdue={lateCount} />}>
            <ErrorNote error={overdue.error ?? originals.error ?? invoices.error} />
            <Typography.Text strong>Рассмотрение заявок</Typography.Text>
            <ApplicationsTable items={overdue.data?.items ?? []} />
            <Typography.Text strong>Оригиналы документов не получены в срок</Typography.Text>
            <ul>{(originals.data ?? []).map((c) => <li key={c.applicationId}>
              <Link to={`/applications/${c.applicationId}?tab=contract`}>№ {c.applicationNumber}</Link>: срок был {date(c.originalsDueDate)}</li>)}</ul>
            <Typography.Text strong>Счета не оплачены в срок</Typography.Text>
            <ul aria-label="Счета не оплачены в срок">{(invoices.data ?? []).map((c) => <li key={c.applicationId}>
              <Link to={`/applications/${c.applicationId}?tab=contract`}>№ {c.applicationNumber}</Link>: счёт № {c.invoice?.number},
              срок был {date(c.invoice?.dueDate ?? null)}, оплачено {money(c.paid)} из {money(c.invoice?.amount ?? 0)}</li>)}</ul>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <ContractQueues />
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<Counted title="Представители на подтверждение" count={people.data?.total} />}>
            <ErrorNote error={people.error} />
            <ul>{(people.data?.items ?? []).map((r) => <li key={r.representativeId}>
              <Link to="/staff/representatives">{r.profile.surname} {r.profile.name}</Link>, {r.profile.organisationName}, ИНН {r.organisationInn}
            </li>)}</ul>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="Реестр удостоверений (ФИС ФРДО)">
            <Space>
              <label htmlFor="register-year">Год</label>
              <InputNumber id="register-year" min={2024} max={2100} value={year} onChange={(v) => setYear(v ?? year)} />
              <Button onClick={() => contracts.saveRegister(year)}>Выгрузить CSV</Button>
            </Space>
            <UnfilledColumns />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function Counted({ title, count, overdue }: { title: string; count?: number; overdue?: number }) {
  return (
    <Space>
      <span>{title}</span>
      <Badge count={count ?? 0} showZero color="#1d39c4" aria-label={`всего ${count ?? 0}`} />
      {overdue ? <Tag color="error">просрочено: {overdue}</Tag> : null}
    </Space>
  );
}

export function ApplicationsTable({ items }: { items: ApplicationSummary[] }) {
  return (
    <Table<ApplicationSummary> rowKey="id" size="small" pagination={{ pageSize: 10 }} dataSource={items} columns={[
      { title: 'Номер', render: (_, a) => <Link to={`/applications/${a.id}`}>{a.number ?? 'черновик'}</Link> },
      { title: 'Организация', render: (_, a) => a.organisationShortName ?? a.organisationInn },
      { title: 'Участников', dataIndex: 'participantCount' },
      { title: 'Рассмотреть до', render: (_, a) => <span className={a.reviewOverdue ? 'step-overdue' : undefined}>{date(a.reviewDueDate)}</span> },
    ]} />
  );
}

const CONTRACT_QUEUES: { queue: ContractQueue; title: string; detail: (c: ContractView) => string }[] = [
  { queue: 'conclusion-due-soon', title: 'Срок заключения — не позже чем через 2 рабочих дня', detail: (c) => `начало курса ${date(c.programmeStart)}` },
  { queue: 'awaiting-signed-scans', title: 'Ждут подписанных сканов и заключения', detail: (c) => `версия проекта ${c.drafts.length}` },
  { queue: 'acts-to-issue', title: 'Выставить акт: курс окончен', detail: (c) => `курс окончен ${date(c.programmeEnd)}` },
  { queue: 'originals-overdue', title: 'Оригиналы не получены в срок', detail: (c) => `срок был ${date(c.originalsDueDate)}` },
  { queue: 'certificates-to-issue', title: 'Выпустить удостоверения', detail: (c) => `прошли обучение: ${Object.values(c.results).filter(Boolean).length}` },
  { queue: 'packages-to-ship', title: 'Отправить документы почтой', detail: (c) => c.shipments.length ? 'удостоверения после оплаты' : 'договор, акт, счёт' },
  { queue: 'invoices-overdue', title: 'Счета не оплачены в срок', detail: (c) => `оплатить до ${date(c.invoice?.dueDate ?? null)}` },
];

/** The contract stage's queues: each one query, its count, its first lines, the nearest deadline first. */
function ContractQueues() {
  return (
    <Card title="Договоры">
      {CONTRACT_QUEUES.map((q) => <ContractQueueLine key={q.queue} {...q} />)}
    </Card>
  );
}

function ContractQueueLine({ queue, title, detail }: (typeof CONTRACT_QUEUES)[number]) {
  const page = useQuery({ queryKey: ['contract-queue', queue], queryFn: () => contracts.queue(queue, 0, 20), refetchInterval: REFRESH });
  return (
    <details>
      <summary><Counted title={title} count={page.data?.total} /></summary>
      <ErrorNote error={page.error} />
      <ul aria-label={title}>{(page.data?.items ?? []).map((c) => <li key={c.applicationId}>
        <Link to={`/applications/${c.applicationId}?tab=contract`}>№ {c.applicationNumber}</Link>: {detail(c)}</li>)}</ul>
    </details>
  );
}

/** What the export leaves for staff to complete before an upload to the register. */
function UnfilledColumns() {
  const columns = useQuery({ queryKey: ['register-unfilled'], queryFn: contracts.unfilledRegisterColumns, staleTime: Infinity });
  return (
    <details>
      <summary>Столбцы, которые выгрузка оставляет пустыми ({columns.data?.length ?? '…'})</summary>
      <ul>{(columns.data ?? []).map((c) => <li key={c.number}>{c.number}. {c.title}: {c.why}</li>)}</ul>
    </details>
  );
}
