import { useQuery } from '@tanstack/react-query';
import { Tag, Timeline, Typography } from 'antd';
import { applications } from '../../api/endpoints';
import { dateTime } from '../../lib/format';
import { ErrorNote } from '../common';

const SIDES: Record<string, string> = { ORGANISATION: 'организация', INSTITUTE: 'институт', PLATFORM: 'платформа' };

/** What happened, when, and by which side; the representative's without what concerns the institute alone. */
export function HistoryTab({ applicationId }: { applicationId: string }) {
  const history = useQuery({ queryKey: ['history', applicationId], queryFn: () => applications.history(applicationId) });
  if (history.error) return <ErrorNote error={history.error} title="История не загрузилась" />;
  if (!history.data) return null;
  return (
    <>
      <Typography.Paragraph>Событий: {history.data.steps.length}</Typography.Paragraph>
      <Timeline items={history.data.steps.map((s) => ({
        key: `${s.service}-${s.sequence}-${s.time}-${s.type}`,
        children: <span><Typography.Text type="secondary">{dateTime(s.time)}</Typography.Text> <Tag>{SIDES[s.side] ?? s.side}</Tag> {s.summary}</span>,
      }))} />
    </>
  );
}
