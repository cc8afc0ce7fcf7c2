import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Input, Modal, Radio, Space, Table, Tabs, Timeline, Typography } from 'antd';
import { representatives } from '../../api/endpoints';
import type { ErasureBasis, RepresentativeStatus, RepresentativeView } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { dateTime } from '../../lib/format';
import { BASES } from '../../lib/personalData';
import { ErrorNote } from '../common';

const TABS: { key: RepresentativeStatus; label: string }[] = [
  { key: 'PENDING', label: 'Ожидают подтверждения' },
  { key: 'CONFIRMED', label: 'Подтверждены' },
  { key: 'REFUSED', label: 'Отказано' },
  { key: 'REVOKED', label: 'Отозваны' },
  { key: 'ERASED', label: 'Данные уничтожены' },
];

/**
 * Who represents which organisation: confirm or refuse a request, revoke a confirmation, read who decided what;
 * destroy a former representative's data (152-FZ art. 21) and download the act.
 */
export function RepresentativesPage() {
  const [status, setStatus] = useState<RepresentativeStatus>('PENDING');
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: ['representatives', status, q], queryFn: () => representatives.list(status, q || undefined) });
  const [deciding, setDeciding] = useState<{ who: RepresentativeView; what: 'refuse' | 'revoke' } | null>(null);
  const [historyOf, setHistoryOf] = useState<RepresentativeView | null>(null);
  const [erasing, setErasing] = useState<RepresentativeView | null>(null);
  const client = useQueryClient();
  const { message } = App.useApp();
  const isStaff = useAuth().person.isStaff;
  const act = useMutation({
    mutationFn: (r: RepresentativeView) => representatives.saveDestructionAct(r.representativeId, r.erasure!.erasureId),
  });
  const confirm = useMutation({
    mutationFn: (r: RepresentativeView) => representatives.confirm(r.representativeId, r.organisationInn),
    onSuccess: async () => {
      message.success('Представительство подтверждено');
      await client.invalidateQueries({ queryKey: ['representatives'] });
    },
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>Представители организаций</Typography.Title>
      <Input.Search placeholder="ИНН или организация; фамилия, логин или e-mail — целиком" allowClear onSearch={setQ} style={{ maxWidth: 480 }}
        aria-label="Поиск представителя" />
      <Tabs activeKey={status} onChange={(k) => setStatus(k as RepresentativeStatus)} items={TABS} />
      <ErrorNote error={list.error ?? confirm.error ?? act.error} />
      <Table<RepresentativeView> rowKey="representativeId" loading={list.isLoading} dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50 }} columns={[
          { title: 'ФИО', render: (_, r) => [r.profile.surname, r.profile.name, r.profile.patronymic].filter(Boolean).join(' ') },
          { title: 'Организация', render: (_, r) => `${r.profile.organisationName}, ИНН ${r.organisationInn}` },
          { title: 'Должность', render: (_, r) => r.profile.position },
          { title: 'Контакты', render: (_, r) => `${r.profile.email}, ${r.profile.phone}` },
          { title: 'Запрос', render: (_, r) => r.erasure
            ? `данные уничтожены ${dateTime(r.erasure.erasedAt)} (${BASES[r.erasure.basis]})` : dateTime(r.registeredAt) },
          { title: '', render: (_, r) => (
            <Space wrap>
              {r.status === 'PENDING' && <>
                <Button type="primary" loading={confirm.isPending} onClick={() => confirm.mutate(r)}>Подтвердить</Button>
                <Button onClick={() => setDeciding({ who: r, what: 'refuse' })}>Отказать</Button>
              </>}
              {r.status === 'CONFIRMED' && <Button danger onClick={() => setDeciding({ who: r, what: 'revoke' })}>Отозвать</Button>}
              {isStaff && (r.status === 'REFUSED' || r.status === 'REVOKED')
                && <Button danger onClick={() => setErasing(r)}>Уничтожить данные</Button>}
              {r.erasure && <Button onClick={() => act.mutate(r)}>Акт об уничтожении</Button>}
              <Button type="link" onClick={() => setHistoryOf(r)}>История</Button>
            </Space>
          ) },
        ]} />
      {deciding && <ReasonModal who={deciding.who} what={deciding.what} onClose={() => setDeciding(null)} />}
      {historyOf && <HistoryDrawer who={historyOf} onClose={() => setHistoryOf(null)} />}
      {erasing && <ErasureModal who={erasing} onClose={() => setErasing(null)} />}
    </Space>
  );
}

function ReasonModal({ who, what, onClose }: { who: RepresentativeView; what: 'refuse' | 'revoke'; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const client = useQueryClient();
  const { message } = App.useApp();
  const decide = useMutation({
    mutationFn: () => what === 'refuse' ? representatives.refuse(who.representativeId, reason) : representatives.revoke(who.representativeId, reason),
    onSuccess: async () => {
      message.success(what === 'refuse' ? 'В подтверждении отказано' : 'Подтверждение отозвано');
      await client.invalidateQueries({ queryKey: ['representatives'] });
      onClose();
    },
  });
  return (
    <Modal open title={`${what === 'refuse' ? 'Отказать' : 'Отозвать подтверждение'}: ${who.profile.surname} ${who.profile.name}`}
      okText={what === 'refuse' ? 'Отказать' : 'Отозвать'} cancelText="Отмена" okButtonProps={{ danger: true, disabled: !reason.trim() }}
      confirmLoading={decide.isPending} onOk={() => decide.mutate()} onCancel={onClose}>
      <label htmlFor="decision-reason">Причина (её увидит представитель)</label>
      <Input.TextArea id="decision-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      <ErrorNote error={decide.error} />
    </Modal>
  );
}

/** Destroys a former representative's data: the key, the account at the sign-in service; the act follows. */
function ErasureModal({ who, onClose }: { who: RepresentativeView; onClose: () => void }) {
  const [basis, setBasis] = useState<ErasureBasis | undefined>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const erase = useMutation({
    mutationFn: () => representatives.erase(who.representativeId, basis!),
    onSuccess: async () => {
      message.success('Данные представителя уничтожены, учётная запись удалена; акт об уничтожении готов');
      await client.invalidateQueries({ queryKey: ['representatives'] });
      onClose();
    },
  });
  return (
    <Modal open title="Уничтожить персональные данные представителя" okText="Уничтожить" cancelText="Отмена"
      okButtonProps={{ danger: true, disabled: !basis }} confirmLoading={erase.isPending} onOk={() => erase.mutate()}
      onCancel={onClose}>
      <Typography.Paragraph><strong>{[who.profile.surname, who.profile.name, who.profile.patronymic].filter(Boolean).join(' ')}</strong>,
        {' '}{who.profile.organisationName} (ИНН {who.organisationInn})</Typography.Paragraph>
      <Typography.Paragraph>Ключ шифрования его данных будет удалён, учётная запись в системе входа — тоже. Восстановить
        данные будет нельзя.</Typography.Paragraph>
      <div>
        <Typography.Paragraph id="representative-erasure-basis" strong>Основание</Typography.Paragraph>
        <Radio.Group aria-labelledby="representative-erasure-basis" value={basis} onChange={(e) => setBasis(e.target.value as ErasureBasis)}
          options={(Object.keys(BASES) as ErasureBasis[]).map((b) => ({ value: b, label: BASES[b] }))} />
      </div>
      <ErrorNote error={erase.error} title="Данные не уничтожены" />
    </Modal>
  );
}

function HistoryDrawer({ who, onClose }: { who: RepresentativeView; onClose: () => void }) {
  const history = useQuery({ queryKey: ['representative-history', who.representativeId], queryFn: () => representatives.history(who.representativeId) });
  return (
    <Drawer open width={560} title={`История: ${who.profile.surname} ${who.profile.name}`} onClose={onClose}>
      <ErrorNote error={history.error} />
      <Timeline items={(history.data ?? []).map((e, i) => ({ key: i,
        children: <span>{dateTime(e.at)} — {e.summary}{e.actor ? ` (${e.actor})` : ''}</span> }))} />
    </Drawer>
  );
}
