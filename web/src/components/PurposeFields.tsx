/**
 * The purpose binding every lookup and verification carries (Luật Căn cước: exploitation only within
 * assigned duties): the administrative procedure, the dossier code and the purpose.
 */
import { Form, Input, Select } from 'antd';
import type { Procedure } from '../api/types';
import { useLang } from '../i18n';
import { DOSSIER_CODE, MAX_PURPOSE_LENGTH } from './idNumber';

export function PurposeFields({ procedures, loading, onProcedure }: { procedures: Procedure[]; loading: boolean; onProcedure?: (p: Procedure | undefined) => void }) {
  const { t } = useLang();
  const form = Form.useFormInstance();
  return (
    <>
      <Form.Item name="procedureCode" label={t('lookup.procedure')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={loading}
          placeholder={t('lookup.procedurePlaceholder')}
          options={procedures.filter((p) => p.active).map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
          onChange={(code: string) => {
            const p = procedures.find((x) => x.code === code);
            if (p && !form.getFieldValue('purpose')) form.setFieldValue('purpose', p.name);
            onProcedure?.(p);
          }}
          data-testid="procedure-select"
        />
      </Form.Item>
      <Form.Item name="dossierCode" label={t('lookup.dossier')} extra={t('lookup.dossierHelp')} rules={[{ required: true, message: t('common.required') }, { pattern: DOSSIER_CODE, message: t('lookup.dossierInvalid') }]}>
        <Input autoComplete="off" maxLength={64} placeholder="H12.01-260101-0001" style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="purpose" label={t('lookup.purpose')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea autoComplete="off" maxLength={MAX_PURPOSE_LENGTH} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
    </>
  );
}
