import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Space, Table, Tooltip, Typography } from 'antd';
import { applications, nextSteps, representatives } from '../../api/endpoints';
import type { ApplicationSummary } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { date } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { ErrorNote, StatusTag, StepText } from '../common';

/** The representative's front page (Рис. 1а): their applications, what to do next and by when, unread answers. */
export function RepresentativeHome() {
  const { person, refresh } = useAuth();
  const navigate = useNavigate();
  const mine = useQuery({ queryKey: ['representatives', 'me'], queryFn: representatives.mine, refetchInterval: 15_000 });
  const list = useQuery({ queryKey: ['applications', 'mine'], queryFn: () => applications.list({ size: 100 }) });
  const steps = useQuery({ queryKey: ['next-steps'], queryFn: () => nextSteps.list(0, 100), refetchInterval: 15_000 });
  const notRegistered = mine.error instanceof ApiError && mine.error.status === 404;
  const registration = mine.data?.registration;

  // staff confirmed the link: the next token carries the organisation
  useEffect(() => {
    if (registration?.status === 'CONFIRMED' && person.organisationInn !== registration.organisationInn) {
      void refresh();
    }
  }, [registration?.status, registration?.organisationInn, person.organisationInn, refresh]);

  const stepOf = new Map((steps.data?.items ?? []).map((n) => [n.applicationId, n]));
  const settings = registration?.settings;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>Мои заявки</Typography.Title>
      {notRegistered && (
        <Alert type="info" showIcon title="Зарегистрируйтесь как представитель организации"
          description="Укажите свои данные и ИНН организации. Институт проверит, что вы её представляете; заполнять черновики заявок можно сразу."
          action={<Link to="/profile"><Button type="primary">Заполнить профиль</Button></Link>} />
      )}
      {registration?.status === 'PENDING' && (
        <Alert type="info" showIcon title={`Запрос на представительство организации с ИНН ${registration.organisationInn} на рассмотрении`}
          description="Пока институт не подтвердил запрос, можно заполнять черновики; отправить заявку и загрузить документы можно после подтверждения." />
      )}
      {(registration?.status === 'REFUSED' || registration?.status === 'REVOKED') && (
        <Alert type="warning" showIcon
          title={registration.status === 'REFUSED' ? 'Институт не подтвердил представительство' : 'Институт отозвал подтверждение представительства'}
          description={<>Причина: {registration.reason ?? '—'}. <Link to="/profile">Зарегистрироваться снова</Link></>} />
      )}
      <Space wrap>
        {(settings?.trainingApplications ?? true) && (
          <Button type="primary" size="large" disabled={!mine.data?.mayDraft} onClick={() => navigate('/applications/new')}>
            Подать заявку на обучение
          </Button>
        )}
        {settings?.supportRequests && (
          <Tooltip title="Заявки в службу технической поддержки принимаются по адресу support@fioco.ru">
            <Button size="large" href="mailto:support@fioco.ru">Подать заявку в службу технической поддержки</Button>
          </Tooltip>
        )}
        {settings?.eventApplications && (
          <Tooltip title="Заявления на мероприятия принимаются на странице мероприятий института">
            <Button size="large" href="https://fioco.ru/events" target="_blank" rel="noreferrer">Подать заявление на мероприятие</Button>
          </Tooltip>
        )}
      </Space>
      <ErrorNote error={list.error} title="Список заявок не загрузился" />
      <Table<ApplicationSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="Заявок пока нет" /> }}
        pagination={false}
        columns={[
          { title: 'Номер заявления', dataIndex: 'number', render: (n: string | null, row) =>
            <Link to={`/applications/${row.id}`}>{n ?? 'черновик'}</Link> },
          { title: 'Дата заявления', render: (_, row) => date(row.submittedAt ?? row.createdAt) },
          { title: 'Статус', render: (_, row) => <StatusTag status={row.status} title={row.statusTitle} /> },
          { title: 'Тип', dataIndex: 'type' },
          { title: 'Программа', dataIndex: 'programmeTitle' },
          { title: 'Что сделать', render: (_, row) => <StepText step={stepOf.get(row.id)?.organisation ?? null} /> },
          { title: 'Вопросы/ответы', render: (_, row) => {
            const unread = stepOf.get(row.id)?.unreadForOrganisation ?? 0;
            return row.status === 'DRAFT' ? '—'
              : <Link to={`/applications/${row.id}?tab=chat`}>вопросы/ответы ({unread} непрочитанных)</Link>;
          } },
        ]}
      />
    </Space>
  );
}
