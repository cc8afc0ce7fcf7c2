import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Input, Progress, Space, Tag, Typography } from 'antd';
import { threads } from '../../api/endpoints';
import type { ThreadUploaded, ThreadView } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { dateTime, fileSize } from '../../lib/format';
import { ErrorNote } from '../common';
import { FilePicker } from '../FilePicker';

/**
 * «Вопросы/ответы» (Рис. 7): people's messages with attachments up to 40 MB each, the platform's notices set apart,
 * the unread count of the reader's side; opening the thread marks it read.
 */
export function ChatTab({ thread }: { thread: ThreadView }) {
  const { person } = useAuth();
  const client = useQueryClient();
  const { message } = App.useApp();
  const mySide = person.isStaff ? 'INSTITUTE' : 'ORGANISATION';
  const [text, setText] = useState('');
  const [attached, setAttached] = useState<ThreadUploaded[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const bottom = useRef<HTMLDivElement>(null);

  const read = useMutation({
    mutationFn: () => threads.read(thread.applicationId),
    onSuccess: () => client.invalidateQueries({ queryKey: ['thread', thread.applicationId] }),
  });
  useEffect(() => {
    if (thread.unread > 0 && !person.isAuditor && !read.isPending) read.mutate();
    bottom.current?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [thread.unread, thread.entries.length]);

  const attach = useMutation({
    mutationFn: (file: File) => threads.attach(thread.applicationId, file, setProgress),
    onSuccess: (a) => setAttached((list) => [...list, a]),
    onSettled: () => setProgress(null),
  });
  const send = useMutation({
    mutationFn: () => threads.post(thread.applicationId, text, attached.map((a) => a.attachmentId)),
    onSuccess: async () => {
      setText('');
      setAttached([]);
      message.success('Сообщение отправлено');
      await client.invalidateQueries({ queryKey: ['thread', thread.applicationId] });
    },
  });

  return (
    <div>
      {thread.entries.length === 0 && <Empty description="Сообщений пока нет" />}
      <div role="log" aria-label="Переписка по заявке" aria-live="polite">
        {thread.entries.map((e) => {
          const kind = e.type === 'NOTICE' ? 'notice' : e.side === mySide ? 'mine' : 'theirs';
          return (
            <div key={e.messageId} className={`chat-entry ${kind}`}>
              <Typography.Text type="secondary">
                {e.type === 'NOTICE' ? <Tag>уведомление</Tag> : e.side === 'INSTITUTE' ? 'Институт' : 'Организация'} · {dateTime(e.postedAt)}
              </Typography.Text>
              {e.title && <Typography.Paragraph strong style={{ margin: '4px 0' }}>{e.title}</Typography.Paragraph>}
              {e.text && <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: '4px 0' }}>{e.text}</Typography.Paragraph>}
              {e.attachments.map((a) => (
                <Button key={a.attachmentId} type="link" style={{ padding: 0 }}
                  onClick={() => threads.save(thread.applicationId, a.attachmentId, a.fileName)}>
                  📎 {a.fileName} ({fileSize(a.size)})
                </Button>
              ))}
            </div>
          );
        })}
        <div ref={bottom} />
      </div>
      {thread.closed && <Typography.Paragraph type="secondary">Переписка закрыта: заявка снята или выполнена.</Typography.Paragraph>}
      {!thread.closed && !person.isAuditor && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <label htmlFor="chat-text">Сообщение</label>
          <Input.TextArea id="chat-text" rows={3} maxLength={10000} showCount value={text} onChange={(e) => setText(e.target.value)} />
          <Space wrap>
            <FilePicker onFile={(f) => attach.mutate(f)} loading={attach.isPending}>Прикрепить файл (до 40 МБ)</FilePicker>
            {attached.map((a) => <Tag key={a.attachmentId} closable onClose={() => setAttached(attached.filter((x) => x !== a))}>
              {a.fileName} ({fileSize(a.size)})</Tag>)}
            <Button type="primary" disabled={!text.trim() && attached.length === 0} loading={send.isPending}
              onClick={() => send.mutate()}>Отправить</Button>
          </Space>
          {progress !== null && <Progress percent={progress} aria-label="Загрузка вложения" />}
          <ErrorNote error={attach.error ?? send.error} title={attach.error ? 'Файл не принят' : 'Сообщение не отправлено'} />
        </Space>
      )}
    </div>
  );
}
