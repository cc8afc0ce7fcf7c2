import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Progress, Space, Tag, Typography } from 'antd';
import { contracts, documents } from '../../api/endpoints';
import type { ContractView, ShipmentItem } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { date, dateTime, money } from '../../lib/format';
import { ErrorNote } from '../common';
import { FilePicker } from '../FilePicker';
import { SimpleTable } from '../SimpleTable';

const TODAY = () => new Date().toISOString().slice(0, 10);

const ITEM_TITLES: Record<ShipmentItem, string> = {
  CONTRACT: 'договор', ACT: 'акт оказания услуг', INVOICE: 'счёт', CERTIFICATES: 'удостоверения',
};

/**
 * The contract stage: draft versions to download, the access panel of Рис. 8 once concluded, the invoice, payments,
 * the act, the originals, results, certificates and the shipment; for staff every action the contract has.
 */
export function ContractTab({ contract: c }: { contract: ContractView }) {
  const { person } = useAuth();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {c.programmeConflict && !c.ending && (
        <Alert type="error" showIcon title="Программу перенесли: договор требует решения" description={c.programmeConflict} />
      )}
      {c.ending && (
        <Alert type="warning" showIcon title={c.status === 'CANCELLED' ? `Договор отменён ${date(c.ending.on)}` : `Договор расторгнут с ${date(c.ending.on)}`}
          description={<>{c.ending.reason}{c.ending.amountOwed != null && <><br />К оплате за оказанные услуги: {money(c.ending.amountOwed)}</>}</>} />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 's', label: 'Этап', children: c.statusLabel },
        { key: 't', label: 'Условия оплаты', children: c.paymentTerms === 'PREPAYMENT' ? 'предоплата 100 %' : 'оплата после оказания услуг' },
        { key: 'a', label: 'Сумма договора', children: `${money(c.totalAmount)} (без НДС)` },
        { key: 'p', label: 'Программа', children: `${c.programmeTitle}, ${c.hours} ч., ${date(c.programmeStart)} – ${date(c.programmeEnd)}` },
        ...(c.concludedOn ? [{ key: 'c', label: 'Заключён', children: date(c.concludedOn) }] : []),
        { key: 'o', label: 'Оплачено', children: `${money(c.paid)}${c.fullyPaid ? ' — полностью' : ''}` },
      ]} />

      <Card size="small" title="Проекты договора и согласия">
        <SimpleTable rows={[...c.drafts].reverse()} rowKey={(d) => String(d.version)} columns={[
          { title: 'Версия', render: (d) => `${d.version}${c.agreedVersion === d.version ? ' (согласована и подписана)'
            : !c.agreedVersion && d.version === c.drafts.length ? ' (действующая)' : ''}${d.uploaded ? ', исправлена институтом' : ''}` },
          { title: 'Что изменено', render: (d) => (
            <>
              {d.note ?? ''}
              {d.changeRequests.map((r, i) => <div key={i}><Typography.Text type="warning">Замечания организации: {r}</Typography.Text></div>)}
            </>
          ) },
          { title: 'Документы', render: (d) => (
            <Space wrap>
              <Button onClick={() => contracts.save(c.applicationId, d.contractDocumentId, `договор-${c.applicationNumber}-в${d.version}.docx`)}>Договор (DOCX)</Button>
              <Button onClick={() => contracts.save(c.applicationId, d.consentDocumentId, `согласие-${c.applicationNumber}-в${d.version}.docx`)}>Согласие (DOCX)</Button>
            </Space>
          ) },
        ]} />
        {!c.concludedOn && !c.ending && person.isRepresentative && (
          <>
            <Typography.Paragraph>Подпишите договор и согласие на обработку персональных данных и загрузите их сканы на вкладке «Документы».
              Если в договоре нужно что-то изменить, напишите об этом — институт пришлёт новую версию.</Typography.Paragraph>
            <ChangeRequest c={c} />
          </>
        )}
        {!c.concludedOn && !c.ending && person.isStaff && <DraftUpload c={c} />}
      </Card>

      {c.concludedOn && (c.countersigned || person.isStaff) && (
        <Card size="small" title="Договор, подписанный обеими сторонами">
          {c.countersigned
            ? <Button onClick={() => contracts.save(c.applicationId, c.countersigned!.documentId, c.countersigned!.fileName)}>Скачать скан: {c.countersigned.fileName}</Button>
            : <Typography.Text type="secondary">Скан ещё не загружен.</Typography.Text>}
          {person.isStaff && !c.ending && <CountersignedUpload c={c} />}
        </Card>
      )}

      {c.access && (
        <Card size="small" title="Доступ к курсу" aria-label="Доступ к курсу">
          <Descriptions column={1} items={[
            { key: 'u', label: 'Адрес курса', children: c.access.courseUrl ? <a href={c.access.courseUrl} target="_blank" rel="noreferrer">{c.access.courseUrl}</a> : '—' },
            { key: 'k', label: 'Кодовое слово', children: <Typography.Text copyable strong>{c.access.enrolmentKey ?? 'скрыто'}</Typography.Text> },
            { key: 't', label: c.access.tutors.length > 1 ? 'Тьюторы' : 'Тьютор', children: c.access.tutors.length === 0 ? '—'
              : <>{c.access.tutors.map((t, i) => <div key={i}>{t.name}{t.email && t.email !== 'скрыто' ? <>, <a href={`mailto:${t.email}`} style={{ textDecoration: 'underline' }}>{t.email}</a></> : ''}</div>)}</> },
          ]} />
          <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{c.access.instructions}</Typography.Paragraph>
        </Card>
      )}

      {(c.invoice || c.act) && (
        <Card size="small" title="Счёт и акт">
          {c.invoice && <p>Счёт № {c.invoice.number} от {date(c.invoice.issuedOn)} на {money(c.invoice.amount)}
            {c.invoice.dueDate && !c.fullyPaid ? `, оплатить до ${date(c.invoice.dueDate)}${c.invoice.dueProvisional ? ' (по предварительному календарю)' : ''}` : ''}{' '}
            <Button size="small" onClick={() => contracts.save(c.applicationId, c.invoice!.documentId, `счёт-${c.invoice!.number}.docx`)}>Скачать счёт</Button></p>}
          {c.payments.length > 0 && <ul>{c.payments.map((p) => (
            <li key={p.paymentOrderNumber}>Платёжное поручение № {p.paymentOrderNumber} от {date(p.paidOn)}: {money(p.amount)}</li>
          ))}</ul>}
          {c.act && <p>Акт оказания услуг № {c.act.number} от {date(c.act.issuedOn)}{' '}
            <Button size="small" onClick={() => contracts.save(c.applicationId, c.act!.documentId, `акт-${c.act!.number}.docx`)}>Скачать акт</Button></p>}
          {c.originalsDueDate && <p>Оригиналы (акт и договор, по 2 экземпляра, подписанные и с печатью) — почтой до {date(c.originalsDueDate)}:
            {c.originalsReceivedOn ? ` получены ${date(c.originalsReceivedOn)}` : ` получено: акт — ${c.originalActCopies} из 2, договор — ${c.originalContractCopies} из 2`}</p>}
          {c.originals.length > 0 && <ul aria-label="Поступления оригиналов">{c.originals.map((o, i) => (
            <li key={i}>{date(o.receivedOn)}: акт — {o.actCopies} экз., договор — {o.contractCopies} экз.{o.trackingNumber ? `, трек-номер ${o.trackingNumber}` : ''}</li>
          ))}</ul>}
        </Card>
      )}

      {(c.certificates.length > 0 || c.shipments.length > 0 || Object.keys(c.results).length > 0) && (
        <Card size="small" title="Итоги обучения">
          <SimpleTable rows={c.participants} rowKey={(p) => p.participantId} columns={[
            { title: 'Участник', render: (p) => `${p.fullName}${p.subject ? ` (${p.subject})` : ''}` },
            { title: 'Итог', render: (p) => p.participantId in c.results ? (c.results[p.participantId] ? <Tag color="success">прошёл обучение</Tag> : <Tag>не прошёл</Tag>) : '—' },
            { title: 'Удостоверение', render: (p) => {
              const cert = c.certificates.find((x) => x.participantId === p.participantId);
              return cert ? `№ ${cert.registrationNumber} от ${date(cert.issuedOn)}${cert.blankNumber ? `, бланк ${cert.blankSeries} ${cert.blankNumber}` : ''}` : '—';
            } },
          ]} />
          {c.shipments.map((s) => <p key={s.trackingNumber}>Отправлено почтой: трек-номер <strong>{s.trackingNumber}</strong>
            {s.items.length > 0 ? ` — ${s.items.map((i) => ITEM_TITLES[i]).join(', ')}` : ''}
            {s.withCertificates ? '' : ' (без удостоверений: они будут отправлены после оплаты)'}</p>)}
        </Card>
      )}

      {person.isStaff && !c.ending && <StaffContractActions c={c} />}
    </Space>
  );
}

/** The school's latest payment order (uploaded on the «Документы» tab), beside the form staff record the payment in. */
function PaymentOrderScan({ applicationId }: { applicationId: string }) {
  const file = useQuery({ queryKey: ['documents', applicationId], queryFn: () => documents.file(applicationId) });
  const slot = file.data?.applicationSlots.find((s) => s.slot === 'PAYMENT_ORDER');
  const latest = slot?.versions[slot.versions.length - 1];
  if (!latest) return <Typography.Text type="secondary">Школа ещё не загрузила платёжное поручение.</Typography.Text>;
  return (
    <Button onClick={() => documents.save(applicationId, latest.documentId, latest.fileName ?? `платёжное-поручение-${latest.version}.pdf`)}>
      Платёжное поручение школы (версия {latest.version}, {dateTime(latest.uploadedAt)})
    </Button>
  );
}

/** The representative asks for changes to the latest version. */
function ChangeRequest({ c }: { c: ContractView }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: () => contracts.requestChanges(c.applicationId, c.drafts.length, comment),
    onSuccess: async () => {
      message.success('Замечания отправлены в институт');
      setComment('');
      await client.invalidateQueries({ queryKey: ['contract', c.applicationId] });
      await client.invalidateQueries({ queryKey: ['next-step', c.applicationId] });
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorNote error={send.error} title="Замечания не отправлены" />
      <Input.TextArea aria-label={`Что изменить в версии ${c.drafts.length}`} placeholder="Что изменить в договоре"
        rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      <Button onClick={() => send.mutate()} loading={send.isPending} disabled={!comment.trim()}>Попросить изменить договор</Button>
    </Space>
  );
}

/** Staff answer with an edited DOCX as the next version. */
function DraftUpload({ c }: { c: ContractView }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => contracts.uploadDraft(c.applicationId, file, note, setProgress),
    onSuccess: async () => {
      message.success('Новая версия проекта загружена');
      setNote('');
      await client.invalidateQueries({ queryKey: ['contract', c.applicationId] });
    },
    onSettled: () => setProgress(null),
  });
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
      <ErrorNote error={upload.error} title="Версия не загружена" />
      <Space.Compact style={{ width: '100%' }}>
        <Input aria-label="Что изменено в исправленном договоре" placeholder="Что изменено (например, п. 4)" value={note}
          maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        <FilePicker accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onFile={(f) => upload.mutate(f)} loading={upload.isPending}>Загрузить исправленный договор (DOCX)</FilePicker>
      </Space.Compact>
      {progress !== null && <Progress percent={progress} size="small" />}
    </Space>
  );
}

/** Staff upload the scan of the contract signed by both sides. */
function CountersignedUpload({ c }: { c: ContractView }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => contracts.uploadCountersigned(c.applicationId, file, setProgress),
    onSuccess: async () => {
      message.success('Скан договора загружен');
      await client.invalidateQueries({ queryKey: ['contract', c.applicationId] });
    },
    onSettled: () => setProgress(null),
  });
  return (
    <div style={{ marginTop: 8 }}>
      <ErrorNote error={upload.error} title="Скан не загружен" />
      <FilePicker accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" onFile={(f) => upload.mutate(f)}
        loading={upload.isPending}>{c.countersigned ? 'Заменить скан' : 'Загрузить скан договора, подписанного обеими сторонами'}</FilePicker>
      {progress !== null && <Progress percent={progress} size="small" />}
    </div>
  );
}

/** Every contract action the API has, each where its stage allows it; the service refuses with the rule otherwise. */
function StaffContractActions({ c }: { c: ContractView }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [passed, setPassed] = useState<Record<string, boolean>>(() => Object.fromEntries(c.participants.map((p) => [p.participantId, true])));
  const [tracking, setTracking] = useState('');
  const act = (text: string, run: () => Promise<void>) => ({
    mutationFn: run,
    onSuccess: async () => {
      message.success(text);
      await client.invalidateQueries({ queryKey: ['contract', c.applicationId] });
      await client.invalidateQueries({ queryKey: ['next-step', c.applicationId] });
    },
  });
  const revise = useMutation(act('Выпущена новая версия проекта', () => contracts.revise(c.applicationId, note)));
  const conclude = useMutation(act('Договор заключён', () => contracts.conclude(c.applicationId)));
  const issueAct = useMutation(act('Акт выставлен', () => contracts.act(c.applicationId)));
  const [arrival] = Form.useForm<{ receivedOn: string; actCopies: number; contractCopies: number; trackingNumber?: string }>();
  const originals = useMutation(act('Получение оригиналов отмечено', () => contracts.originals(c.applicationId, arrival.getFieldsValue())));
  const [ending] = Form.useForm<{ terminatedOn: string; reason: string; amountOwed: number }>();
  const terminate = useMutation(act('Договор расторгнут', () => contracts.terminate(c.applicationId, ending.getFieldsValue())));
  const results = useMutation(act('Итоги внесены', () => contracts.results(c.applicationId, passed)));
  const [blanks, setBlanks] = useState<{ series: string; first: number | null }>({ series: '', first: null });
  const certificates = useMutation(act('Удостоверения выпущены', () => contracts.certificates(c.applicationId,
    blanks.series.trim() || blanks.first ? { blankSeries: blanks.series.trim(), firstBlankNumber: blanks.first ?? 0 } : undefined)));
  const ship = useMutation(act('Отправка отмечена', () => contracts.ship(c.applicationId, tracking)));
  const [payment] = Form.useForm<{ paymentOrderNumber: string; paidOn: string; amount: number }>();
  const pay = useMutation(act('Оплата внесена', () => contracts.pay(c.applicationId, payment.getFieldsValue())));
  const error = revise.error ?? conclude.error ?? issueAct.error ?? originals.error ?? results.error ?? certificates.error
    ?? ship.error ?? pay.error ?? terminate.error;
  const allResults = Object.keys(c.results).length === c.participants.length;
  const passedCount = Object.values(c.results).filter(Boolean).length;
  const originalsComplete = !!c.originalsReceivedOn;
  const concluded = !!c.concludedOn;
  return (
    <Card size="small" title="Действия института">
      <ErrorNote error={error} title="Действие не выполнено" />
      <Space direction="vertical" style={{ width: '100%' }}>
        {!concluded && (
          <>
            <Space.Compact style={{ width: '100%' }}>
              <Input aria-label="Что изменено в проекте" placeholder="Что изменено в проекте" value={note} maxLength={2000}
                onChange={(e) => setNote(e.target.value)} />
              <Button onClick={() => revise.mutate()} loading={revise.isPending}>Выпустить новую версию</Button>
            </Space.Compact>
            <Button type="primary" onClick={() => conclude.mutate()} loading={conclude.isPending}>Заключить договор</Button>
          </>
        )}
        {concluded && c.invoice && !c.fullyPaid && <PaymentOrderScan applicationId={c.applicationId} />}
        {concluded && c.invoice && !c.fullyPaid && (
          <Form form={payment} layout="inline" aria-label="Оплата" initialValues={{ paidOn: TODAY(), amount: c.invoice.amount - c.paid }}
            onFinish={() => pay.mutate()}>
            <Form.Item label="№ платёжного поручения" name="paymentOrderNumber" rules={[{ required: true }, { max: 30 }]}><Input /></Form.Item>
            <Form.Item label="Дата оплаты" name="paidOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item label="Сумма" name="amount" rules={[{ required: true }]}><InputNumber min={0.01} step={0.01} /></Form.Item>
            <Button htmlType="submit" loading={pay.isPending}>Внести оплату</Button>
          </Form>
        )}
        {concluded && !c.act && <Button onClick={() => issueAct.mutate()} loading={issueAct.isPending}>Выставить акт</Button>}
        {c.act && !originalsComplete && (
          <Form form={arrival} layout="inline" aria-label="Получение оригиналов" onFinish={() => originals.mutate()}
            initialValues={{ receivedOn: TODAY(), actCopies: 2 - c.originalActCopies, contractCopies: 2 - c.originalContractCopies }}>
            <Form.Item label="Получены" name="receivedOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item label="Акт, экз." name="actCopies"><InputNumber min={0} max={2 - c.originalActCopies} /></Form.Item>
            <Form.Item label="Договор, экз." name="contractCopies"><InputNumber min={0} max={2 - c.originalContractCopies} /></Form.Item>
            <Form.Item label="Трек-номер школы" name="trackingNumber"><Input maxLength={30} /></Form.Item>
            <Button htmlType="submit" loading={originals.isPending}>Отметить получение оригиналов</Button>
          </Form>
        )}
        {originalsComplete && Object.keys(c.results).length < c.participants.length && (
          <div role="group" aria-label="Итоги обучения">
            {c.participants.map((p) => (
              <div key={p.participantId}>
                <Checkbox checked={passed[p.participantId]} onChange={(e) => setPassed({ ...passed, [p.participantId]: e.target.checked })}>
                  {p.fullName}{p.subject ? ` (${p.subject})` : ''} прошёл обучение
                </Checkbox>
              </div>
            ))}
            <Button onClick={() => results.mutate()} loading={results.isPending}>Внести итоги</Button>
          </div>
        )}
        {allResults && c.fullyPaid && c.certificates.length < passedCount && (
          <Space wrap aria-label="Удостоверения">
            <Input aria-label="Серия бланков" placeholder="Серия бланков (если на бланках)" value={blanks.series} maxLength={10}
              onChange={(e) => setBlanks({ ...blanks, series: e.target.value })} />
            <InputNumber aria-label="Номер первого бланка" placeholder="Номер первого бланка" min={1} value={blanks.first}
              onChange={(v) => setBlanks({ ...blanks, first: v })} />
            <Button onClick={() => certificates.mutate()} loading={certificates.isPending}>Выпустить удостоверения</Button>
          </Space>
        )}
        {allResults && !c.fullyPaid && c.certificates.length < passedCount && (
          <Typography.Text type="secondary">Удостоверения выпускаются после полной оплаты договора.</Typography.Text>
        )}
        {allResults && originalsComplete && c.status !== 'CLOSED' && (
          <Space.Compact>
            <Input aria-label="Трек-номер отправления" placeholder="Трек-номер" value={tracking} onChange={(e) => setTracking(e.target.value)} />
            <Button onClick={() => ship.mutate()} loading={ship.isPending} disabled={!tracking.trim()}>Отметить отправку</Button>
          </Space.Compact>
        )}
        {c.status === 'CLOSED' && <Alert type="success" showIcon title="Договор закрыт" />}
        {concluded && c.status !== 'CLOSED' && (
          <details>
            <summary>Расторгнуть договор</summary>
            <Form form={ending} layout="vertical" aria-label="Расторжение договора" onFinish={() => terminate.mutate()}
              initialValues={{ terminatedOn: TODAY(), amountOwed: 0 }} style={{ maxWidth: 520 }}>
              <Form.Item label="Дата расторжения" name="terminatedOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
              <Form.Item label="Основание" name="reason" rules={[{ required: true, message: 'укажите основание' }, { max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
              <Form.Item label="К оплате за оказанные услуги, руб." name="amountOwed" rules={[{ required: true }]}><InputNumber min={0} step={0.01} /></Form.Item>
              <Button danger htmlType="submit" loading={terminate.isPending}>Расторгнуть</Button>
            </Form>
          </details>
        )}
      </Space>
    </Card>
  );
}
