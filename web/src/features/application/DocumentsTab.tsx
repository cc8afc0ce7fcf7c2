import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Drawer, Empty, Input, Progress, Row, Space, Typography } from 'antd';
import { applications, documents } from '../../api/endpoints';
import type { ApplicationFormParticipant, ApplicationStatus, DocumentSlot, DocumentSlotView } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { formatSnils } from '../../lib/checksums';
import { date, dateTime, fileSize } from '../../lib/format';
import { summary } from '../../lib/marks';
import { ErrorNote, MarkTag } from '../common';
import { SimpleTable } from '../SimpleTable';
import { FilePicker } from '../FilePicker';

interface Reviewing {
  participantId: string | null;
  displayName: string | null;
  slot: DocumentSlotView;
}

/**
 * The scans (per participant: passport, SNILS, education document, and the name-change document where the diploma
 * carries another surname; per application: the signed contract, consent and act, the payment order) with the
 * marks ✔ / ✘ / ! / —. The representative uploads and replaces («изменить»); staff open each scan beside the
 * participant's data and accept or reject it with a reason.
 */
export function DocumentsTab({ applicationId, status, locked }: { applicationId: string; status: ApplicationStatus; locked: boolean }) {
  const { person } = useAuth();
  const file = useQuery({ queryKey: ['documents', applicationId], queryFn: () => documents.file(applicationId), refetchInterval: 10_000 });
  const detail = useQuery({ queryKey: ['application', applicationId], queryFn: () => applications.one(applicationId) });
  const [reviewing, setReviewing] = useState<Reviewing | null>(null);
  if (file.error) {
    return person.isRepresentative && !person.organisationInn
      ? <Alert type="info" showIcon title="Документы можно загрузить после подтверждения представительства"
        description="Институт подтвердит, что вы представляете организацию; тогда здесь появятся места для сканов." />
      : <ErrorNote error={file.error} title="Документы не загрузились" />;
  }
  if (!file.data) return null;
  const open = !file.data.closed && status !== 'WITHDRAWN' && status !== 'COMPLETED';
  const mayUploadParticipants = person.isRepresentative && open && !locked;
  const mayUploadApplication = person.isRepresentative && open && status === 'IN_WORK';
  const participants = new Map((detail.data?.form?.participants ?? []).map((p) => [p.participantId, p]));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {file.data.participants.length === 0 && <Empty description="В заявке пока нет участников" />}
      {file.data.participants.map((p) => (
        <Card key={p.participantId} size="small" title={`${p.displayName ?? 'Участник'} — ${summary(p.slots)}`}>
          <SlotTable applicationId={applicationId} participantId={p.participantId} slots={p.slots}
            mayUpload={mayUploadParticipants} mayReview={person.isStaff && open}
            onReview={(slot) => setReviewing({ participantId: p.participantId, displayName: p.displayName, slot })} />
        </Card>
      ))}
      {status !== 'DRAFT' && (
        <Card size="small" title="Документы по договору">
          <SlotTable applicationId={applicationId} participantId={null} slots={file.data.applicationSlots}
            mayUpload={mayUploadApplication} mayReview={person.isStaff && open}
            onReview={(slot) => setReviewing({ participantId: null, displayName: null, slot })} />
        </Card>
      )}
      {reviewing && <ReviewDrawer applicationId={applicationId} reviewing={reviewing}
        participant={reviewing.participantId ? participants.get(reviewing.participantId) ?? null : null}
        onClose={() => setReviewing(null)} />}
    </Space>
  );
}

function SlotTable({ applicationId, participantId, slots, mayUpload, mayReview, onReview }: {
  applicationId: string; participantId: string | null; slots: DocumentSlotView[]; mayUpload: boolean; mayReview: boolean;
  onReview: (slot: DocumentSlotView) => void;
}) {
  const shown = slots.filter((s) => s.required || s.versions.length > 0 || mayUpload);
  return (
    <SimpleTable<DocumentSlotView> rows={shown} rowKey={(s) => s.slot} columns={[
      { title: 'Документ', render: (s) => <span>{s.title}{s.required ? '' : ' (если нужен)'}</span> },
      { title: 'Состояние', render: (s) => <MarkTag indicator={s.indicator} /> },
      { title: 'Файл', render: (s) => {
        const v = s.versions[s.versions.length - 1];
        return v ? <span>версия {v.version}: {v.fileName ?? 'скрыто'} ({fileSize(v.size)}), {dateTime(v.uploadedAt)}</span> : '—';
      } },
      { title: 'Замечание', render: (s) => s.reason ?? '' },
      { title: 'Действия', render: (s) => (
        <Space wrap>
          {mayUpload && <UploadButton applicationId={applicationId} participantId={participantId} slot={s.slot}
            replace={s.versions.length > 0} title={s.title} />}
          {mayReview && s.versions.length > 0 && (
            <Button onClick={() => onReview(s)} type={s.indicator === 'ATTENTION' ? 'primary' : 'default'}>
              {s.indicator === 'ATTENTION' ? 'Проверить' : 'Открыть'}
            </Button>
          )}
        </Space>
      ) },
    ]} />
  );
}

/** One file into one slot, its progress shown; a refusal names what is wrong with the file. */
function UploadButton({ applicationId, participantId, slot, replace, title }: {
  applicationId: string; participantId: string | null; slot: DocumentSlot; replace: boolean; title: string;
}) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => documents.upload(applicationId, participantId, slot, file, setProgress),
    onSuccess: async (answer) => {
      message.success(`Загружено: ${answer.fileName}`);
      await client.invalidateQueries({ queryKey: ['documents', applicationId] });
      await client.invalidateQueries({ queryKey: ['next-step', applicationId] });
    },
    onSettled: () => setProgress(null),
  });
  return (
    <div>
      <FilePicker accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" onFile={(f) => upload.mutate(f)}
        loading={upload.isPending} aria-label={`${replace ? 'Заменить' : 'Загрузить'}: ${title}`}>
        {replace ? 'Изменить' : 'Загрузить'}
      </FilePicker>
      {progress !== null && <Progress percent={progress} size="small" aria-label="Загрузка файла" />}
      {upload.error && <ErrorNote error={upload.error} title="Файл не принят" />}
    </div>
  );
}

/** Staff review: the scan in the browser beside the participant's data; accept, or reject saying why. */
function ReviewDrawer({ applicationId, reviewing, participant, onClose }: {
  applicationId: string; reviewing: Reviewing; participant: ApplicationFormParticipant | null; onClose: () => void;
}) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [view, setView] = useState<{ url: string; type: string } | null>(null);
  const latest = reviewing.slot.versions[reviewing.slot.versions.length - 1];
  const scan = useQuery({ queryKey: ['scan', latest.documentId], queryFn: () => documents.fetch(applicationId, latest.documentId) });
  useEffect(() => {
    if (!scan.data) return undefined;
    const url = URL.createObjectURL(scan.data.blob);
    setView({ url, type: scan.data.blob.type || latest.contentType });
    return () => URL.revokeObjectURL(url);
  }, [scan.data, latest.contentType]);
  const verdict = useMutation({
    mutationFn: (accepted: boolean) => documents.verdict(applicationId, reviewing.participantId, reviewing.slot.slot,
      latest.version, accepted, accepted ? undefined : reason),
    onSuccess: async (_, accepted) => {
      message.success(accepted ? 'Документ принят' : 'Документ отклонён; представитель получит уведомление');
      await client.invalidateQueries({ queryKey: ['documents', applicationId] });
      await client.invalidateQueries({ queryKey: ['review-queue'] });
      onClose();
    },
  });
  const reviewable = reviewing.slot.indicator === 'ATTENTION';
  return (
    <Drawer open width="90%" title={`${reviewing.slot.title}${reviewing.displayName ? `: ${reviewing.displayName}` : ''}, версия ${latest.version}`}
      onClose={onClose}>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <ErrorNote error={scan.error} title="Скан не открылся" />
          {view && (view.type.includes('pdf')
            ? <iframe className="scan-viewer" src={view.url} title={`Скан: ${reviewing.slot.title}`} />
            : <div className="scan-viewer"><img src={view.url} alt={`Скан: ${reviewing.slot.title}`} /></div>)}
          <Button onClick={() => documents.save(applicationId, latest.documentId, latest.fileName ?? 'скан')}>Скачать</Button>
        </Col>
        <Col xs={24} lg={8}>
          {participant && (
            <Card size="small" title="Данные участника">
              <p>{participant.surname} {participant.name} {participant.patronymic}</p>
              <p>Дата рождения: {date(participant.birthDate)}</p>
              <p>СНИЛС: {participant.snils ? formatSnils(participant.snils) : '—'}</p>
              <p>Диплом: {participant.diplomaSurname}, {participant.diplomaSeries} № {participant.diplomaNumber}</p>
              <p>Предмет: {participant.subject}</p>
            </Card>
          )}
          <Card size="small" title="Решение" style={{ marginTop: 12 }}>
            {!reviewable && <Typography.Paragraph>Эта версия уже проверена: <MarkTag indicator={reviewing.slot.indicator} /></Typography.Paragraph>}
            <ErrorNote error={verdict.error} />
            <Space direction="vertical" style={{ width: '100%' }}>
              <Button type="primary" block disabled={!reviewable} loading={verdict.isPending} onClick={() => verdict.mutate(true)}>Принять</Button>
              <label htmlFor="reject-reason">Причина отклонения</label>
              <Input.TextArea id="reject-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)}
                disabled={!reviewable} />
              <Button danger block disabled={!reviewable || !reason.trim()} loading={verdict.isPending}
                onClick={() => verdict.mutate(false)}>Отклонить</Button>
            </Space>
          </Card>
        </Col>
      </Row>
    </Drawer>
  );
}
