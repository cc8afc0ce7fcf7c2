import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import type { Service } from '../../api/http';
import { readModels } from '../../api/endpoints';
import type { ReadModelStatus } from '../../api/types';
import { dateTime } from '../../lib/format';
import { SERVICES } from '../../lib/operations';
import { ErrorNote } from '../common';

/** Every service's read models: rebuilt from the event store or Kafka on request, with progress and the checksum check. */
export function ReadModelsPage() {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>Модели чтения</Typography.Title>
      <Typography.Paragraph>Модель чтения пересобирается из журнала событий (или из Kafka с начала) и сравнивается с прежней по контрольной сумме; пока идёт пересборка, сервис ждёт с новыми событиями.</Typography.Paragraph>
      {SERVICES.map((s) => <ServiceModels key={s.service} {...s} />)}
      <Typography.Paragraph>Публикацию событий, отложенные записи потребителей и неотправленные письма смотрите{' '}
        <Link to="/staff/operations" style={{ textDecoration: 'underline' }}>в разделе эксплуатации</Link>.</Typography.Paragraph>
    </Space>
  );
}

function ServiceModels({ service, title }: { service: Service; title: string }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery({ queryKey: ['read-models', service], queryFn: () => readModels.list(service),
    refetchInterval: (q) => (q.state.data?.some((m) => m.state === 'REBUILDING') ? 1000 : 15_000) });
  const rebuild = useMutation({
    mutationFn: (name: string) => readModels.rebuild(service, name),
    onSuccess: async (_, name) => {
      message.info(`Пересборка «${name}» началась`);
      await client.invalidateQueries({ queryKey: ['read-models', service] });
    },
  });
  return (
    <Card title={`${title} (${service})`} size="small">
      <ErrorNote error={list.error ?? rebuild.error} />
      <Table<ReadModelStatus> rowKey="readModel" size="small" pagination={false} dataSource={list.data ?? []} columns={[
        { title: 'Модель', dataIndex: 'readModel' },
        { title: 'Источник', render: (_, m) => m.source === 'KAFKA' ? `Kafka: ${m.topics.join(', ')}` : 'журнал событий' },
        { title: 'Документов', dataIndex: 'documents' },
        { title: 'Состояние', render: (_, m) => <State m={m} /> },
        { title: 'Последняя пересборка', render: (_, m) => m.finishedAt ? dateTime(m.finishedAt) : '—' },
        { title: '', render: (_, m) => <Button disabled={m.state === 'REBUILDING'} loading={rebuild.isPending && rebuild.variables === m.readModel}
          onClick={() => rebuild.mutate(m.readModel)}>Пересобрать</Button> },
      ]} />
    </Card>
  );
}

function State({ m }: { m: ReadModelStatus }) {
  if (m.state === 'REBUILDING') {
    const percent = m.eventsToReplay ? Math.round(((m.eventsReplayed ?? 0) / Math.max(m.eventsToReplay, 1)) * 100)
      : m.eventTimeTarget && m.eventTimeReached && m.startedAt
        ? Math.min(99, Math.round(((Date.parse(m.eventTimeReached) - Date.parse(m.startedAt)) / Math.max(Date.parse(m.eventTimeTarget) - Date.parse(m.startedAt), 1)) * 100))
        : 0;
    return <Progress percent={Math.max(0, percent)} size="small" status="active" aria-label={`Пересборка ${m.readModel}`} />;
  }
  if (m.state === 'FAILED') return <Tag color="error">ошибка: {m.error}</Tag>;
  if (m.state === 'REBUILT') return m.matches ? <Tag color="success">пересобрана, совпадает</Tag> : <Tag color="warning">пересобрана, отличается</Tag>;
  return <Tag>работает</Tag>;
}
