/** A Form.Item for the personal ID number, checked on every keystroke with the gateway's own rule. */
import { Form, Input } from 'antd';
import { useLang } from '../i18n';
import { checkTyped, describeCheck } from './idNumber';

export function IdNumberField({ name = 'idNumber', label }: { name?: string; label: string }) {
  const { t } = useLang();
  const form = Form.useFormInstance();
  const value = Form.useWatch(name, form) as string | undefined;
  const typed = value ?? '';
  const shown = typed.length > 0 ? describeCheck(checkTyped(typed), typed, t) : null;
  return (
    <Form.Item
      name={name}
      label={label}
      required
      validateTrigger={['onChange', 'onBlur']}
      validateStatus={shown ? shown.status : undefined}
      help={shown ? <span data-testid="id-check">{shown.text}</span> : undefined}
      hasFeedback
      rules={[{
        validator: async (_r, v: string | undefined) => {
          const c = checkTyped(v);
          if (c.status === 'invalid') throw new Error(describeCheck(c, v ?? '', t).text);
        },
      }]}
    >
      <Input suffix={<span />} inputMode="numeric" maxLength={12} autoComplete="off" placeholder="001085000123" style={{ maxWidth: 260, fontFamily: 'monospace', letterSpacing: 1 }} />
    </Form.Item>
  );
}
