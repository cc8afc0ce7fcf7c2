import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { retention } from '../../api/endpoints';
import type { RetentionOverview } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { date, dateTime } from '../../lib/format';
import { SUBJECTS } from '../../lib/personalData';
import { ErrorNote } from '../common';
import { SimpleTable } from '../SimpleTable';

const BASES: Record<string, string> = {
  CONSENT_WITHDRAWN: 'отзыв согласия',
  PURPOSE_ACHIEVED: 'достижение цели обработки',
  RETENTION_EXPIRED: 'истечение срока хранения',
};

/** «P5Y» → «5 лет», «P30D» → «30 дней»: the periods as the README and the law state them. */
function period(iso: string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(iso);
  if (!m) return iso;
  const plural = (n: number, one: string, few: string, many: string) => {
    const d = n % 10, h = n % 100;
    return `${n} ${d === 1 && h !== 11 ? one : d >= 2 && d <= 4 && (h < 12 || h > 14) ? few : many}`;
  };
  return [m[1] && plural(Number(m[1]), 'год', 'года', 'лет'), m[2] && plural(Number(m[2]), 'месяц', 'месяца', 'месяцев'),
    m[3] && plural(Number(m[3]), 'день', 'дня', 'дней')].filter(Boolean).join(' ') || '0 дней';
}

type Erased = RetentionOverview['erased'][number];
type Pending = RetentionOverview['pendingWithdrawals'][number];

/**
 * Retention of personal data (152-FZ art. 5 part 7, art. 21): the periods in force, the withdrawn consents waiting for
 * their destruction with its deadline, and everything the retention pass destroyed by itself, each with its act. Staff
 * may run the pass now rather than wait for the hourly one.
 */
export function RetentionPage() {
  const { person } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const overview = useQuery({ queryKey: ['retention'], queryFn: retention.overview });
  const run = useMutation({
    mutationFn: retention.runNow,
    onSuccess: async (destroyed) => {
      message.success(destroyed.length === 0 ? 'Проверка сроков выполнена: уничтожать нечего'
        : `Проверка сроков выполнена: уничтожены данные ${destroyed.length} субъект(ов)`);
      await client.invalidateQueries({ queryKey: ['retention'] });
    },
  });
  const data = overview.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>Сроки хранения персональных данных</Typography.Title>
      {data && (
        <Typography.Paragraph>
          Выполненные заявки хранят персональные данные {period(data.periods.completedApplications)} после
          выполнения, снятые — {period(data.periods.withdrawnApplications)} после снятия. После отзыва согласия данные
          участника уничтожаются не позднее чем через {data.periods.daysAfterConsentWithdrawal} дней, как только заявка
          завершена или снята. Проверка сроков идёт сама раз в час; каждое уничтожение оформляется актом.
        </Typography.Paragraph>
      )}
      {person.isStaff && (
        <Button type="primary" loading={run.isPending} onClick={() => run.mutate()}>Проверить сроки сейчас</Button>
      )}
      <ErrorNote error={run.error} title="Проверка сроков не выполнена" />
      <ErrorNote error={overview.error} title="Сроки хранения не загрузились" />
      <section aria-labelledby="retention-pending">
        <Typography.Title level={2} id="retention-pending">Отзывы согласия, ожидающие уничтожения</Typography.Title>
        <SimpleTable<Pending> rows={data?.pendingWithdrawals ?? []} empty="Нет отзывов, ожидающих уничтожения"
          rowKey={(p) => `${p.applicationId}/${p.participantId}`} columns={[
            { title: 'Заявка', render: (p) => <Link to={`/applications/${p.applicationId}?tab=personal-data`}>
              {p.number ? `№ ${p.number}` : p.applicationId}</Link> },
            { title: 'Участник', render: (p) => p.participantId },
            { title: 'Отзыв получен', render: (p) => date(p.receivedOn) },
            { title: 'Уничтожить до', render: (p) => date(p.eraseBy) },
            { title: 'Почему не уничтожены', render: (p) => p.status === 'COMPLETED' || p.status === 'WITHDRAWN'
              ? 'будут уничтожены при следующей проверке' : 'заявка ещё исполняется' },
          ]} />
      </section>
      <section aria-labelledby="retention-erased">
        <Typography.Title level={2} id="retention-erased">Уничтожено автоматически</Typography.Title>
        <SimpleTable<Erased> rows={data?.erased ?? []} empty="Проверка сроков ещё ничего не уничтожала"
          rowKey={(e) => e.erasure.erasureId} columns={[
            { title: 'Заявка', render: (e) => <Link to={`/applications/${e.applicationId}?tab=personal-data`}>
              {e.number ? `№ ${e.number}` : e.applicationId}</Link> },
            { title: 'Субъект', render: (e) => e.erasure.subject === 'PARTICIPANT'
              ? `участник ${e.erasure.participantId}` : SUBJECTS[e.erasure.subject] },
            { title: 'Основание', render: (e) => BASES[e.erasure.basis] ?? e.erasure.basis },
            { title: 'Когда', render: (e) => dateTime(e.erasure.erasedAt) },
          ]} />
      </section>
    </Space>
  );
}
