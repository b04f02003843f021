/**
 * The demo province's own security rules (R11), drawn from the two letters of DOMAIN.md, and the
 * acknowledgements the demo starts with. People are NOT pre-acknowledged: the demo shows them the
 * rules and asks for the acknowledgement before their first lookup, as in production. Only the
 * service account of the education sync starts acknowledged (recorded as done by its responsible
 * person, R7), so the connected-system demo of that sync works from the first start.
 */
import type { Kysely } from 'kysely';
import { INSTRUMENTS } from '../core/compliance/instruments.js';
import { contentHash, currentRuleSet } from '../core/compliance/rules.js';
import { dayKey } from '../core/time.js';
import { addAcknowledgement, addRule, localRules } from '../storage/compliance.js';
import * as dir from '../storage/directory.js';
import type { Database } from '../storage/schema.js';

export const DEMO_RULE = {
  code: 'QC-ATTT-DLDC',
  title: 'Quy định bảo đảm an toàn thông tin khi khai thác Cơ sở dữ liệu quốc gia về dân cư',
  version: '1.0',
  text: [
    '1. Chỉ khai thác dữ liệu dân cư qua hệ thống đã được Tổ công tác Đề án 06 của tỉnh chấp thuận bằng văn bản; hệ thống, phần mềm, thiết bị mới hoặc thay đổi phải báo cáo bằng văn bản tối thiểu 10 ngày làm việc trước khi sử dụng.',
    '2. Tuyệt đối không dùng phần mềm cá nhân hoặc tự phát triển công cụ để tra cứu, khai thác dữ liệu.',
    '3. Mỗi người dùng tài khoản riêng; giữ bí mật, không chia sẻ tài khoản; không lưu mật khẩu trên trình duyệt; đổi mật khẩu ít nhất 03 tháng một lần; mật khẩu tối thiểu 8 ký tự gồm chữ số, chữ hoa, chữ thường và ký tự đặc biệt.',
    '4. Không soạn thảo, lưu trữ, truyền gửi nội dung chứa bí mật nhà nước qua các hệ thống kết nối Cơ sở dữ liệu quốc gia về dân cư.',
    '5. Máy tính dùng để khai thác phải cài giải pháp phòng chống mã độc tập trung; không tải, sử dụng phần mềm bẻ khóa, phần mềm không rõ nguồn gốc; thường xuyên cập nhật bản vá.',
    '6. Không cung cấp, mua bán, trao đổi dữ liệu cá nhân của người khác; mọi lần tra cứu được ghi nhật ký và giám sát, vi phạm được xử lý.',
  ].join('\n'),
} as const;

const SERVICE_ACCOUNT = 'dongbo.vnedu';

export async function seedComplianceDemo(db: Kysely<Database>, nowMs: number, timeZone = 'Asia/Ho_Chi_Minh'): Promise<void> {
  // In force since yesterday, so every time zone's "today" already includes it.
  const effectiveFrom = dayKey(new Date(nowMs - 86_400_000), timeZone);
  await addRule(db, { unitId: null, code: DEMO_RULE.code, title: DEMO_RULE.title, version: DEMO_RULE.version, effectiveFrom, body: DEMO_RULE.text, contentHash: contentHash(DEMO_RULE.text), by: 'demo' }, nowMs);
  const sync = await dir.userByUsername(db, SERVICE_ACCOUNT);
  if (!sync) return;
  const set = currentRuleSet(INSTRUMENTS, await localRules(db, sync.unit_id), sync.unit_id, dayKey(new Date(nowMs), timeZone));
  await addAcknowledgement(db, { userId: sync.id, version: set.version, ip: null }, nowMs);
}
