import { useRef, type ReactNode } from 'react';
import { Button, type ButtonProps } from 'antd';

/**
 * A button that opens the file dialog: one control for the keyboard and screen readers (a button inside an upload
 * area would be two nested ones), the native input hidden behind it.
 */
export function FilePicker({ accept, onFile, children, ...button }: ButtonProps & { accept?: string; onFile: (file: File) => void; children: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input ref={input} type="file" accept={accept} hidden aria-hidden tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }} />
      <Button {...button} onClick={() => input.current?.click()}>{children}</Button>
    </>
  );
}
