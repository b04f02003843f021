/**
 * A dialog around one form: OK submits the form (its own rules run first), Cancel closes. The
 * dialog's content is rendered while closed too, so the page's form instance stays connected, and
 * dropped on close, so the next opening starts clean.
 */
import { Modal, type FormInstance, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useLang } from '../i18n';

type Props<T> = Omit<ModalProps, 'onOk' | 'onCancel' | 'confirmLoading' | 'cancelText' | 'destroyOnHidden' | 'forceRender'> & {
  form: FormInstance<T>;
  onClose: () => void;
  /** The submission is in flight: OK shows it and does not submit twice. */
  busy: boolean;
  /** Default: "Lưu" / "Save". */
  okText?: ReactNode;
};

export function FormModal<T>({ form, onClose, busy, okText, children, ...modal }: Props<T>) {
  const { t } = useLang();
  return (
    <Modal {...modal} onCancel={onClose} onOk={() => form.submit()} okText={okText ?? t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={busy} destroyOnHidden forceRender>
      {children}
    </Modal>
  );
}
