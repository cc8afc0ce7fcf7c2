import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Empty, Row, Skeleton, Slider, Space, Tag, Typography } from 'antd';
import { applications } from '../../api/endpoints';
import type { ApplicationHistoryStep, StateAsOf } from '../../api/types';
import { dateTime } from '../../lib/format';
import { countUpTo, layoutTimeline } from '../../lib/timeline';
import { ErrorNote } from '../common';

const WIDTH = 1000;
const COLOURS: Record<string, string> = { ORGANISATION: '#1d39c4', INSTITUTE: '#ad4e00', PLATFORM: '#595959' };
const SIDES: Record<string, string> = { ORGANISATION: 'организация', INSTITUTE: 'институт', PLATFORM: 'платформа' };

/**
 * The picture of an application's history for auditors (and staff): one lane per service, each event a mark on the
 * time axis, masked as the API masks it; a click shows the event; the moment picker shows the state as of then.
 */
export function HistoryPicture() {
  const { id = '' } = useParams();
  const history = useQuery({ queryKey: ['history', id], queryFn: () => applications.history(id) });
  const steps = history.data?.steps ?? [];
  const layout = useMemo(() => layoutTimeline(steps, { width: WIDTH }), [steps]);
  const [selected, setSelected] = useState<number | null>(null);
  const [moment, setMoment] = useState<number | null>(null);
  const at = moment ?? layout.to;
  const asOf = useQuery({
    queryKey: ['history', id, 'asOf', at], enabled: steps.length > 0,
    queryFn: () => applications.history(id, new Date(at).toISOString()),
  });
  if (history.isLoading) return <Skeleton active />;
  if (history.error) return <ErrorNote error={history.error} title="История не загрузилась" />;
  const shown = countUpTo(steps, at);
  const span = Math.max(layout.to - layout.from, 1);
  const xOf = (t: number) => layout.ticks.length ? layout.ticks[0].x + ((t - layout.from) / span) * (layout.ticks[layout.ticks.length - 1].x - layout.ticks[0].x) : WIDTH / 2;
  const step = selected !== null ? steps[selected] : null;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>История заявки {history.data?.state.application.number ? `№ ${history.data.state.application.number}` : ''}</Typography.Title>
      <Link to={`/applications/${id}`}>К заявке</Link>
      {steps.length === 0 ? <Empty description="Событий нет" /> : (
        <>
          <Card size="small" title="События по сервисам" className="timeline">
            <svg viewBox={`0 0 ${WIDTH} ${layout.height + 30}`} role="group" aria-label="Картина истории заявки">
              {layout.lanes.map((lane, i) => (
                <g key={lane.service}>
                  <rect x={0} y={lane.top} width={WIDTH} height={lane.height} fill={i % 2 ? '#fafafa' : '#ffffff'} />
                  <text className="lane-label" x={8} y={lane.top + lane.height / 2 + 5}>{lane.label}</text>
                </g>
              ))}
              {layout.ticks.map((t, i) => (
                <text key={i} x={t.x} y={layout.height + 20} fontSize={11} textAnchor="middle" fill="#595959">{dateTime(new Date(t.time).toISOString())}</text>
              ))}
              <line x1={xOf(at)} x2={xOf(at)} y1={0} y2={layout.height} stroke="#cf1322" strokeWidth={2} strokeDasharray="4 3" />
              {layout.marks.map((m) => {
                const s = steps[m.index];
                const after = Date.parse(s.time) > at;
                return (
                  <g key={m.index} className={`mark${selected === m.index ? ' selected' : ''}`} tabIndex={0} role="button"
                    aria-label={`${dateTime(s.time)}: ${s.summary}`} onClick={() => setSelected(m.index)}
                    onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setSelected(m.index); } }}>
                    <title>{`${dateTime(s.time)} — ${s.summary}`}</title>
                    <circle cx={m.x} cy={m.y} r={6} fill={COLOURS[s.side] ?? '#595959'} opacity={after ? 0.25 : 1} />
                  </g>
                );
              })}
            </svg>
            <Space wrap>
              {Object.entries(SIDES).map(([k, v]) => <Tag key={k} color={COLOURS[k]}>{v}</Tag>)}
            </Space>
          </Card>
          <Card size="small" title="Момент">
            <Slider min={layout.from} max={layout.to} value={at} step={1000} onChange={(v) => setMoment(v)}
              tooltip={{ formatter: (v) => (v ? dateTime(new Date(v).toISOString()) : '') }}
              marks={Object.fromEntries(steps.map((s) => [Date.parse(s.time), ' ']))}
              ariaLabelForHandle="Момент времени" />
            <Typography.Paragraph>Состояние на {dateTime(new Date(at).toISOString())}: событий до этого момента — {shown} из {steps.length}.</Typography.Paragraph>
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title="Состояние на момент">
                <ErrorNote error={asOf.error} />
                {asOf.data && <StateView state={asOf.data.state} />}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="Событие">
                {step ? <StepView step={step} /> : <Typography.Text type="secondary">Выберите отметку на картине</Typography.Text>}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}

function StateView({ state }: { state: StateAsOf }) {
  return (
    <Descriptions column={1} size="small" items={[
      { key: 'a', label: 'Заявка', children: `${state.application.statusTitle ?? '—'}${state.application.number ? `, № ${state.application.number}` : ''}` },
      { key: 'd', label: 'Документы', children: `загружено ${state.documents.uploaded}, принято ${state.documents.accepted}, отклонено ${state.documents.rejected}, на проверке ${state.documents.awaitingReview}` },
      { key: 'c', label: 'Договор', children: state.contract ? `${state.contract.label}; оплачено ${state.contract.paid} из ${state.contract.invoiced}; удостоверений ${state.contract.certificates}${state.contract.trackingNumber ? `; трек-номер ${state.contract.trackingNumber}` : ''}` : 'нет' },
      { key: 't', label: 'Переписка', children: `${state.thread.open ? 'открыта' : 'закрыта'}: сообщений ${state.thread.messages}, уведомлений ${state.thread.notices}` },
    ]} />
  );
}

function StepView({ step }: { step: ApplicationHistoryStep }) {
  return (
    <>
      <Descriptions column={1} size="small" items={[
        { key: 't', label: 'Когда', children: dateTime(step.time) },
        { key: 's', label: 'Сервис', children: step.service },
        { key: 'e', label: 'Событие', children: step.type },
        { key: 'p', label: 'Сторона', children: SIDES[step.side] ?? step.side },
        { key: 'a', label: 'Кто', children: step.actor ?? 'скрыто' },
        { key: 'w', label: 'Что', children: step.summary },
      ]} />
      <pre tabIndex={0} style={{ maxHeight: 300, overflow: 'auto', background: '#fafafa', padding: 8 }} aria-label="Данные события">
        {JSON.stringify(step.data, null, 2)}
      </pre>
    </>
  );
}
