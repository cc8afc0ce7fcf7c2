import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { programmes } from '../../api/endpoints';
import type { ProgrammeRequest, ProgrammeView } from '../../api/types';
import { date, money } from '../../lib/format';
import { ApiError, splitViolations } from '../../lib/problem';
import { ErrorNote } from '../common';

/** The programme catalogue (staff): publish, change the dates or terms, close enrolment. */
export function ProgrammesPage() {
  const list = useQuery({ queryKey: ['programmes', 'all'], queryFn: () => programmes.list(true) });
  const client = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<ProgrammeView | 'new' | null>(null);
  const close = useMutation({
    mutationFn: (id: string) => programmes.close(id),
    onSuccess: async () => {
      message.success('Приём заявок закрыт');
      await client.invalidateQueries({ queryKey: ['programmes'] });
    },
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space><Typography.Title level={1} style={{ margin: 0 }}>Программы</Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>Новая программа</Button></Space>
      <ErrorNote error={list.error ?? close.error} />
      <Table<ProgrammeView> rowKey="id" loading={list.isLoading} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={[...(list.data ?? [])].sort((a, b) => Number(b.open) - Number(a.open) || b.startDate.localeCompare(a.startDate)
          || a.title.localeCompare(b.title, 'ru'))} columns={[
        { title: 'Название', dataIndex: 'title' },
        { title: 'Сроки', render: (_, p) => `${date(p.startDate)} – ${date(p.endDate)}` },
        { title: 'Часов', dataIndex: 'hours' },
        { title: 'Предметы', render: (_, p) => p.subjects.join(', ') },
        { title: 'Стоимость', render: (_, p) => `${money(p.pricePerParticipant)}, ${p.vat}` },
        { title: 'Приём', render: (_, p) => p.open ? <Tag color="success">открыт</Tag> : <Tag>закрыт</Tag> },
        { title: '', render: (_, p) => p.open && (
          <Space>
            <Button onClick={() => setEditing(p)}>Изменить</Button>
            <Popconfirm title="Закрыть приём заявок на программу?" okText="Закрыть" cancelText="Отмена" onConfirm={() => close.mutate(p.id)}>
              <Button danger>Закрыть приём</Button>
            </Popconfirm>
          </Space>
        ) },
      ]} />
      {editing && <ProgrammeModal programme={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

function ProgrammeModal({ programme, onClose }: { programme: ProgrammeView | null; onClose: () => void }) {
  const [form] = Form.useForm<ProgrammeRequest & { tutorsText: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: ProgrammeRequest & { tutorsText: string }) => {
      const tutors = (v.tutorsText ?? '').split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
        const [name, email] = l.split(/[;,]/).map((s) => s.trim());
        return { name, email };
      });
      const body: ProgrammeRequest = { title: v.title, startDate: v.startDate, endDate: v.endDate, hours: v.hours,
        subjects: v.subjects, pricePerParticipant: v.pricePerParticipant, lmsCourseUrl: v.lmsCourseUrl || null, tutors };
      return programme ? programmes.change(programme.id, body) : programmes.publish(body);
    },
    onSuccess: async () => {
      message.success(programme ? 'Программа изменена' : 'Программа опубликована');
      await client.invalidateQueries({ queryKey: ['programmes'] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) form.setFields(splitViolations(e.violations, () => true).fields as Parameters<typeof form.setFields>[0]);
    },
  });
  return (
    <Modal open width={760} title={programme ? 'Изменение программы' : 'Новая программа'} okText="Сохранить" cancelText="Отмена"
      confirmLoading={save.isPending} onCancel={onClose} onOk={() => form.validateFields().then((v) => save.mutate(v))}>
      <ErrorNote error={save.error} />
      <Form form={form} layout="vertical" initialValues={programme ? { ...programme,
        tutorsText: programme.tutors.map((t) => `${t.name}; ${t.email}`).join('\n') } : { hours: 36, subjects: [] }}>
        <Form.Item label="Название" name="title" rules={[{ required: true }, { max: 500 }]}><Input /></Form.Item>
        <Row gutter={12}>
          <Col span={8}><Form.Item label="Начало" name="startDate" rules={[{ required: true }]}><Input type="date" /></Form.Item></Col>
          <Col span={8}><Form.Item label="Окончание" name="endDate" rules={[{ required: true }]}><Input type="date" /></Form.Item></Col>
          <Col span={8}><Form.Item label="Часов" name="hours" rules={[{ required: true }]}><InputNumber min={16} max={2000} /></Form.Item></Col>
        </Row>
        <Form.Item label="Предметы" name="subjects" rules={[{ required: true, message: 'Хотя бы один предмет' }]}
          extra="Введите предмет и нажмите Enter"><Select mode="tags" open={false} aria-label="Предметы" /></Form.Item>
        <Form.Item label="Стоимость обучения одного участника, руб. (без НДС)" name="pricePerParticipant" rules={[{ required: true }]}>
          <InputNumber min={0} step={0.01} style={{ width: 200 }} /></Form.Item>
        <Form.Item label="Адрес курса в СДО" name="lmsCourseUrl" rules={[{ max: 1000 }]}><Input placeholder="https://lms.fioco.ru/course/view.php?id=42" /></Form.Item>
        <Form.Item label="Тьюторы" name="tutorsText" extra="По одному в строке: ФИО; e-mail"><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}
