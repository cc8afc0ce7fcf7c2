import { Alert, Tag } from 'antd';
import type { ApplicationStatus, SlotIndicator } from '../api/types';
import { markOf } from '../lib/marks';
import { describeError } from '../lib/problem';
import { stepLine } from '../lib/nextSteps';
import type { NextStepsStep } from '../api/types';

/** A failure as a person reads it, under the thing that failed. */
export function ErrorNote({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" title={title ?? 'Не получилось'}
    description={<span style={{ whiteSpace: 'pre-line' }}>{describeError(error)}</span>} />;
}

const STATUS_COLOURS: Record<ApplicationStatus, string> = {
  DRAFT: 'default', SUBMITTED: 'processing', IN_WORK: 'blue', COMPLETED: 'success', WITHDRAWN: 'default',
};

export function StatusTag({ status, title }: { status: ApplicationStatus; title: string }) {
  return <Tag color={STATUS_COLOURS[status]}>{title}</Tag>;
}

/** ✔ / ✘ / ! / — with the words beside the symbol (never colour alone). */
export function MarkTag({ indicator }: { indicator: SlotIndicator }) {
  const m = markOf(indicator);
  return <Tag color={m.colour} aria-label={m.label}><span aria-hidden>{m.symbol}</span> {m.label}</Tag>;
}

/** A side's next step with its due date, the overdue and the close in words and colour. */
export function StepText({ step }: { step: NextStepsStep | null }) {
  const line = stepLine(step);
  return (
    <span>
      <span>{line.text}</span>
      {line.due && <span className={line.tone === 'overdue' ? 'step-overdue' : line.tone === 'soon' ? 'step-soon' : undefined}>
        {' '}{line.due}</span>}
      {line.note && <span className="secondary"> ({line.note})</span>}
    </span>
  );
}
