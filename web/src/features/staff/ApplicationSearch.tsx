import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Space, Table, Typography } from 'antd';
import { applications } from '../../api/endpoints';
import { APPLICATION_STATUSES, CONTRACT_STATUSES, type ApplicationListQuery, type ApplicationSummary } from '../../api/types';
import { date } from '../../lib/format';
import { ErrorNote, StatusTag } from '../common';

const STATUS_TITLES: Record<string, string> = { DRAFT: 'черновик', SUBMITTED: 'на рассмотрении', IN_WORK: 'исполнение', COMPLETED: 'выполнена', WITHDRAWN: 'снята' };
const CONTRACT_TITLES: Record<string, string> = { OPENED: 'открыт', DRAFTS_ISSUED: 'проекты выданы', CONCLUDED: 'заключён',
  ACT_ISSUED: 'акт выставлен', ACT_SIGNED: 'акт подписан', ORIGINALS_RECEIVED: 'оригиналы получены', SHIPPED: 'отправлен', CLOSED: 'закрыт' };

/**
 * Finding applications: by participant's surname or SNILS, number, INN or organisation name, certificate, invoice,
 * act or tracking number; by stage. Auditors start here and go on to the history picture.
 */
export function ApplicationSearch({ auditor = false }: { auditor?: boolean }) {
  const [query, setQuery] = useState<ApplicationListQuery>({ page: 0, size: 20 });
  const list = useQuery({ queryKey: ['applications', 'search', query], queryFn: () => applications.list(query) });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>{auditor ? 'Поиск заявки' : 'Заявки'}</Typography.Title>
      <Form layout="inline" onFinish={(v: ApplicationListQuery) => setQuery({ ...v, q: v.q?.trim() || undefined, page: 0, size: 20 })}
        aria-label="Поиск">
        <Form.Item label="Найти" name="q" rules={[{ max: 100 }]}>
          <Input.Search placeholder="№ заявки, ИНН, организация, фамилия, СНИЛС, № удостоверения, счёта, акта, трек-номер"
            style={{ width: 520 }} enterButton="Найти" onSearch={(q) => setQuery({ ...query, q: q.trim() || undefined, page: 0 })} />
        </Form.Item>
        <Form.Item label="Статус" name="status">
          <Select allowClear style={{ width: 180 }} onChange={(status) => setQuery({ ...query, status, page: 0 })}
            options={APPLICATION_STATUSES.map((s) => ({ value: s, label: STATUS_TITLES[s] }))} />
        </Form.Item>
        <Form.Item label="Этап договора" name="contractStatus">
          <Select allowClear style={{ width: 200 }} onChange={(contractStatus) => setQuery({ ...query, contractStatus, page: 0 })}
            options={CONTRACT_STATUSES.map((s) => ({ value: s, label: CONTRACT_TITLES[s] }))} />
        </Form.Item>
      </Form>
      <ErrorNote error={list.error} title="Поиск не удался" />
      <Table<ApplicationSummary> rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []}
        pagination={{ current: (query.page ?? 0) + 1, pageSize: query.size ?? 20, total: list.data?.total ?? 0,
          onChange: (page, size) => setQuery({ ...query, page: page - 1, size }) }}
        columns={[
          { title: 'Номер', render: (_, a) => <Link to={auditor ? `/audit/${a.id}` : `/applications/${a.id}`}>{a.number ?? 'черновик'}</Link> },
          { title: 'Дата', render: (_, a) => date(a.submittedAt ?? a.createdAt) },
          { title: 'Статус', render: (_, a) => <StatusTag status={a.status} title={a.statusTitle} /> },
          { title: 'Организация', render: (_, a) => `${a.organisationShortName ?? '—'} (ИНН ${a.organisationInn})` },
          { title: 'Регион', dataIndex: 'region' },
          { title: 'Программа', dataIndex: 'programmeTitle' },
          { title: 'Участников', dataIndex: 'participantCount' },
        ]} />
    </Space>
  );
}
