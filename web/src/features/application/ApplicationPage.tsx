import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Skeleton, Space, Tabs, Typography } from 'antd';
import { applications, contracts, nextSteps, threads } from '../../api/endpoints';
import { useAuth } from '../../auth/AuthProvider';
import { date } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { ErrorNote, StatusTag, StepText } from '../common';

// each tab is its own chunk: the page loads only the one it opens on
const FormTab = lazy(() => import('./FormTab').then((m) => ({ default: m.FormTab })));
const DocumentsTab = lazy(() => import('./DocumentsTab').then((m) => ({ default: m.DocumentsTab })));
const ContractTab = lazy(() => import('./ContractTab').then((m) => ({ default: m.ContractTab })));
const ChatTab = lazy(() => import('./ChatTab').then((m) => ({ default: m.ChatTab })));
const HistoryTab = lazy(() => import('./HistoryTab').then((m) => ({ default: m.HistoryTab })));
const PersonalDataTab = lazy(() => import('./PersonalDataTab').then((m) => ({ default: m.PersonalDataTab })));

/** One application, for whoever may see it: its form, documents, contract, thread and history, and the actions of the role. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { person } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'form';
  const detail = useQuery({ queryKey: ['application', id], queryFn: () => applications.one(id), refetchInterval: 10_000 });
  const steps = useQuery({ queryKey: ['next-step', id], queryFn: () => nextSteps.one(id), refetchInterval: 10_000,
    enabled: !!detail.data });
  const contract = useQuery({ queryKey: ['contract', id], queryFn: () => contracts.one(id), refetchInterval: 10_000,
    enabled: !!detail.data && detail.data.summary.status !== 'DRAFT', retry: false });
  const thread = useQuery({ queryKey: ['thread', id], queryFn: () => threads.one(id), refetchInterval: 10_000,
    enabled: !!detail.data && detail.data.summary.status !== 'DRAFT', retry: false });

  if (detail.isLoading) return <Skeleton active />;
  if (detail.error) {
    return detail.error instanceof ApiError && detail.error.status === 404
      ? <Alert type="warning" showIcon title="Заявка не найдена" description="Её нет, или она не вашей организации." />
      : <ErrorNote error={detail.error} title="Заявка не загрузилась" />;
  }
  const d = detail.data!;
  const s = d.summary;
  const next = steps.data;
  const items = [
    { key: 'form', label: 'Заявка', children: <FormTab detail={d} /> },
    { key: 'documents', label: 'Документы', children: <DocumentsTab applicationId={id} status={s.status} locked={d.participantsLocked} /> },
    ...(contract.data ? [{ key: 'contract', label: 'Договор', children: <ContractTab contract={contract.data} /> }] : []),
    ...(thread.data ? [{ key: 'chat', label: `Вопросы/ответы (${thread.data.unread} непрочитанных)`,
      children: <ChatTab thread={thread.data} /> }] : []),
    { key: 'history', label: 'История', children: <HistoryTab applicationId={id} /> },
    ...(person.isStaff || person.isAuditor ? [{ key: 'personal-data', label: 'Персональные данные',
      children: <PersonalDataTab detail={d} /> }] : []),
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ margin: 0 }}>{s.number ? `Заявка № ${s.number}` : 'Черновик заявки'}</Typography.Title>
        <StatusTag status={s.status} title={s.statusTitle} />
        {contract.data && <span>Договор: {contract.data.statusLabel}</span>}
      </Space>
      <Descriptions column={{ xs: 1, md: 3 }} items={[
        { key: 'p', label: 'Программа', children: s.programmeTitle ?? '—' },
        { key: 'o', label: 'Организация', children: `${s.organisationShortName ?? '—'}, ИНН ${s.organisationInn}` },
        { key: 'n', label: 'Участников', children: s.participantCount },
        { key: 'c', label: 'Создана', children: date(s.createdAt) },
        ...(s.submittedAt ? [{ key: 's', label: 'Подана', children: date(s.submittedAt) }] : []),
        ...(s.reviewDueDate ? [{ key: 'r', label: 'Рассмотреть до', children: date(s.reviewDueDate) }] : []),
      ]} />
      {next && (
        <Card size="small" title="Что дальше">
          {!person.isStaff && <p><strong>Вам:</strong> <StepText step={next.organisation} /></p>}
          <p><strong>Институту:</strong> <StepText step={next.institute} /></p>
        </Card>
      )}
      {d.lastReason && (s.status === 'DRAFT' || s.status === 'WITHDRAWN') && (
        <Alert type="warning" showIcon title={s.status === 'DRAFT' ? 'Заявка возвращена на доработку' : 'Заявка снята'}
          description={`Причина: ${d.lastReason}`} />
      )}
      <Actions applicationId={id} status={s.status} concluded={d.participantsLocked} />
      <Suspense fallback={<Skeleton active />}>
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} items={items} destroyOnHidden />
      </Suspense>
    </Space>
  );
}

/** What the role may do with the application in its status. */
function Actions({ applicationId, status, concluded }: { applicationId: string; status: string; concluded: boolean }) {
  const { person } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [reasonFor, setReasonFor] = useState<'return' | 'withdraw' | null>(null);
  const [reason, setReason] = useState('');
  const done = async (text: string) => {
    message.success(text);
    await client.invalidateQueries({ queryKey: ['application', applicationId] });
    await client.invalidateQueries({ queryKey: ['next-step', applicationId] });
  };
  const submit = useMutation({ mutationFn: () => applications.submit(applicationId), onSuccess: () => done('Заявка отправлена в институт') });
  const take = useMutation({ mutationFn: () => applications.takeIntoWork(applicationId), onSuccess: () => done('Заявка взята в работу') });
  const withReason = useMutation({
    mutationFn: () => reasonFor === 'return' ? applications.returnForCorrection(applicationId, reason)
      : applications.withdraw(applicationId, reason),
    onSuccess: async () => {
      const what = reasonFor === 'return' ? 'Заявка возвращена на доработку' : 'Заявка снята';
      setReasonFor(null);
      setReason('');
      await done(what);
    },
  });
  const failure = submit.error ?? take.error;
  return (
    <>
      <Space wrap>
        {!person.isStaff && !person.isAuditor && status === 'DRAFT' && (
          <>
            <Button onClick={() => navigate(`/applications/${applicationId}/edit`)}>Изменить</Button>
            <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate()}>Отправить заявку</Button>
          </>
        )}
        {person.isStaff && status === 'SUBMITTED' && (
          <>
            <Button type="primary" loading={take.isPending} onClick={() => take.mutate()}>Взять в работу</Button>
            <Button onClick={() => setReasonFor('return')}>Вернуть на доработку</Button>
          </>
        )}
        {!person.isAuditor && !concluded && (status === 'SUBMITTED' || status === 'IN_WORK') && (
          <Button danger onClick={() => setReasonFor('withdraw')}>Снять заявку</Button>
        )}
        {!person.isAuditor && !person.isStaff && concluded && status === 'IN_WORK' && (
          <Typography.Text type="secondary">Договор заключён: заявку уже не снять; если обучение не нужно, напишите институту о расторжении договора.</Typography.Text>
        )}
        {(person.isStaff || person.isAuditor) && <Link to={`/audit/${applicationId}`}>Картина истории</Link>}
      </Space>
      <ErrorNote error={failure} title={submit.error ? 'Заявка не отправлена' : 'Не получилось'} />
      <Modal open={reasonFor !== null} title={reasonFor === 'return' ? 'Вернуть на доработку' : 'Снять заявку'}
        okText={reasonFor === 'return' ? 'Вернуть' : 'Снять'} cancelText="Отмена" confirmLoading={withReason.isPending}
        onOk={() => withReason.mutate()} onCancel={() => setReasonFor(null)}>
        <label htmlFor="reason">Причина</label>
        <Input.TextArea id="reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        <ErrorNote error={withReason.error} />
      </Modal>
    </>
  );
}
