/** Texts that bear a state-secret marking (DOMAIN §7) and must be refused under R5; invented agencies and places, no person names. */
import type { CorpusEntry } from './entry.js';

/** Stamps on their own line, in frames, near "Số: …" (Mẫu dấu độ mật). */
const stamps: CorpusEntry[] = [
  {
    text: `CÔNG AN TỈNH VÂN SƠN
PHÒNG CẢNH SÁT QLHC VỀ TTXH
Số: 215/BC-PC06
MẬT

BÁO CÁO
Kết quả rà soát, làm sạch dữ liệu dân cư trên địa bàn tỉnh quý I năm 2026`,
    level: 'MAT',
    rule: 'STAMP_LINE',
  },
  {
    text: `ỦY BAN NHÂN DÂN
TỈNH VÂN SƠN
-------
Số: 08/KH-UBND
TỐI MẬT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Vân Sơn, ngày 04 tháng 02 năm 2026

KẾ HOẠCH
Bảo đảm an ninh, trật tự phục vụ kỳ họp Hội đồng nhân dân tỉnh`,
    level: 'TOI_MAT',
    rule: 'STAMP_LINE',
  },
  {
    text: `┌───────────┐
│ TUYỆT MẬT │
└───────────┘
Bản số: 02/05
PHƯƠNG ÁN
Bảo vệ mục tiêu trọng yếu trên địa bàn tỉnh`,
    level: 'TUYET_MAT',
    rule: 'STAMP_LINE',
  },
  { text: 'Số: 19/TB-CAT\n[MẬT]\nTHÔNG BÁO\nKết luận giao ban công tác bảo đảm an ninh quý I', level: 'MAT', rule: 'STAMP_LINE' },
  { text: 'Số: 03/KH-BCĐ\n| TỐI MẬT |\nKẾ HOẠCH\nTriển khai đợt cao điểm tấn công trấn áp tội phạm', level: 'TOI_MAT', rule: 'STAMP_LINE' },
  { text: '*** MẬT ***\nBIÊN BẢN\nHọp Tổ công tác Đề án 06 tỉnh ngày 12/3/2026', level: 'MAT', rule: 'STAMP_LINE' },
  {
    text: `                        MẬT
                     BÁO CÁO
Tình hình an ninh nông thôn tại các xã biên giới 6 tháng đầu năm`,
    level: 'MAT',
    rule: 'STAMP_LINE',
  },
  {
    text: `BỘ CHỈ HUY QUÂN SỰ TỈNH VÂN SƠN
Số: 112/BC-BCH
TỐI MẬT
BÁO CÁO
Kết quả diễn tập khu vực phòng thủ cấp tỉnh năm 2026`,
    level: 'TOI_MAT',
    rule: 'STAMP_LINE',
  },
  { text: 'TUYỆT MẬT\nBản số: 01\nKẾ HOẠCH TÁC CHIẾN\nPhụ lục II: Sơ đồ bố trí lực lượng', level: 'TUYET_MAT', rule: 'STAMP_LINE' },
  { text: 'Số: 56/CAT-PA03\n(MẬT)\nV/v phối hợp xác minh thông tin đối tượng', level: 'MAT', rule: 'STAMP_LINE' },
  {
    text: 'CÔNG AN TỈNH VÂN SƠN\r\nSố: 77/BC-PV01\r\nTỐI MẬT\r\nBÁO CÁO\r\nTình hình công tác nghiệp vụ tháng 3/2026\r\n',
    level: 'TOI_MAT',
    rule: 'STAMP_LINE',
    note: 'CRLF line endings from a Windows export',
  },
  { text: 'SỞ NỘI VỤ\nSố: 14/TTr-SNV\n\u00A0\u00A0MẬT\u00A0\u00A0\nTỜ TRÌNH\nVề phương án nhân sự', level: 'MAT', rule: 'STAMP_LINE', note: 'non-breaking spaces from a Word export' },
  {
    text: `Kính gửi anh,
Em dán lại phần đầu văn bản để anh kiểm tra thể thức:

UBND TỈNH VÂN SƠN
BAN CHỈ ĐẠO 35
Số: 09/BC-BCĐ35
MẬT

BÁO CÁO
Tình hình an ninh tư tưởng trên không gian mạng tháng 02/2026`,
    level: 'MAT',
    rule: 'STAMP_LINE',
  },
  {
    text: `TỈNH ỦY VÂN SƠN
BAN NỘI CHÍNH
*
Số 31-BC/BNCTU
TỐI MẬT
ĐẢNG CỘNG SẢN VIỆT NAM
Vân Sơn, ngày 10 tháng 3 năm 2026`,
    level: 'TOI_MAT',
    rule: 'STAMP_LINE',
  },
  { text: '【MẬT】\nDanh sách cán bộ được cấp tài khoản khai thác CSDLQG về dân cư phục vụ nghiệp vụ', level: 'MAT', rule: 'STAMP_LINE' },
  { text: '«TUYỆT MẬT»\nPhương án ứng phó sự cố an ninh mạng đối với hệ thống thông tin cấp độ 4', level: 'TUYET_MAT', rule: 'STAMP_LINE' },
  {
    text: `+-----------+
|  TỐI MẬT  |
+-----------+
BÁO CÁO NHANH
Vụ việc phức tạp về an ninh trật tự tại xã Phú Lợi`,
    level: 'TOI_MAT',
    rule: 'STAMP_LINE',
  },
  {
    text: `CÔNG AN XÃ PHÚ LỢI
Số: 05/BC-CAX
MẬT
BÁO CÁO
Kết quả nắm tình hình người nước ngoài tạm trú trên địa bàn xã`,
    level: 'MAT',
    rule: 'STAMP_LINE',
  },
  { text: 'Trích yếu: Kế hoạch bảo vệ đoàn công tác\n\nTUYỆT MẬT\n\nBản số: 03', level: 'TUYET_MAT', rule: 'STAMP_LINE' },
  { text: 'BAN CHỈ HUY PHÒNG THỦ DÂN SỰ TỈNH\nSố: 02/PA-BCH\n   TỐI MẬT   \nPHƯƠNG ÁN\nSơ tán dân cư khi có tình huống', level: 'TOI_MAT', rule: 'STAMP_LINE' },
  { text: '"MẬT"\nSố: 61/BC-STP\nBÁO CÁO\nKết quả thẩm định hồ sơ đề nghị đặc xá', level: 'MAT', rule: 'STAMP_LINE' },
  {
    text: `SỞ Y TẾ TỈNH VÂN SƠN
Số: 47/BC-SYT
MẬT
BÁO CÁO
Tình hình dịch bệnh trong lực lượng vũ trang đóng quân trên địa bàn`,
    level: 'MAT',
    rule: 'STAMP_LINE',
    note: 'a medical report: the word "dịch" nearby must not hide the stamp',
  },
  { text: '==== TỐI MẬT ====\nNội dung chỉ đạo của Thường trực Tỉnh ủy', level: 'TOI_MAT', rule: 'STAMP_LINE' },
  { text: 'BẢN SAO\nMẬT\nSao từ bản chính số 88/BC-CAT, bản số 02', level: 'MAT', rule: 'STAMP_LINE' },
];

/** A two-column header flattened to text: the stamp shares the "Số:" line, separated by a gap. */
const headerCells: CorpusEntry[] = [
  { text: 'Số: 15/BC-CAT                  MẬT\nV/v tình hình an ninh trật tự dịp Tết', level: 'MAT', rule: 'STAMP_LINE' },
  { text: 'Số: 27/TTr-SNV\t\tTỐI MẬT\nTỜ TRÌNH\nVề việc bổ nhiệm cán bộ', level: 'TOI_MAT', rule: 'STAMP_LINE' },
  {
    text: `UBND TỈNH VÂN SƠN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ                                Độc lập - Tự do - Hạnh phúc
Số: 41/BC-SNV      MẬT           Vân Sơn, ngày 20 tháng 3 năm 2026`,
    level: 'MAT',
    rule: 'STAMP_LINE',
  },
  { text: 'TỐI MẬT      Bản số: 01\nKẾ HOẠCH\nBảo vệ tuyệt đối an toàn sự kiện chính trị', level: 'TOI_MAT', rule: 'STAMP_LINE' },
  {
    text: `CÔNG AN TỈNH VÂN SƠN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 102/CAT-PV01    TUYỆT MẬT     Độc lập - Tự do - Hạnh phúc`,
    level: 'TUYET_MAT',
    rule: 'STAMP_LINE',
  },
  { text: 'Số: 3/QĐ-BCĐ | MẬT | Vân Sơn, ngày 01/4/2026', level: 'MAT', rule: 'STAMP_LINE' },
  {
    text: `HỘI ĐỒNG NGHĨA VỤ QUÂN SỰ         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ PHÚ LỢI                          Độc lập - Tự do - Hạnh phúc
Số: 06/BC-HĐNVQS     MẬT
BÁO CÁO
Kết quả sơ tuyển công dân nhập ngũ năm 2026`,
    level: 'MAT',
    rule: 'STAMP_LINE',
  },
  { text: 'Số: 88/BC-CAT      TỐI MẬT      Vân Sơn, ngày 17 tháng 3 năm 2026', level: 'TOI_MAT', rule: 'STAMP_LINE' },
  { text: 'MẬT    |    Số: 12/KH-PC02    |    Khẩn', level: 'MAT', rule: 'STAMP_LINE' },
  { text: 'V/v rà soát lực lượng    TỐI MẬT\nKính gửi: Công an các xã, phường', level: 'TOI_MAT', rule: 'STAMP_LINE' },
];

/** Document-management exports: "Độ khẩn:" and "Độ mật:" fields, tables, tab-separated rows. */
const fields: CorpusEntry[] = [
  {
    text: `Số ký hiệu: 102/CAT-PV01
Ngày ban hành: 06/3/2026
Trích yếu: V/v triển khai biện pháp nghiệp vụ
Độ khẩn: Thượng khẩn
Độ mật: Tối mật
Cơ quan ban hành: Công an tỉnh Vân Sơn`,
    level: 'TOI_MAT',
    rule: 'CLASSIFICATION_FIELD',
  },
  { text: 'Sổ văn bản\tVăn bản đến 2026\nSố đến\t1523\nĐộ khẩn\tThường\nĐộ mật\tMật\nHạn xử lý\t20/3/2026', level: 'MAT', rule: 'CLASSIFICATION_FIELD' },
  {
    text: `| STT | Số ký hiệu | Trích yếu | Độ khẩn | Độ mật |
|-----|------------|-----------|---------|--------|
| 1 | 15/BC-UBND | Báo cáo tình hình dân cư | Khẩn | Thường |
| 2 | 16/BC-UBND | Báo cáo kết quả rà soát đối tượng | Thường | Mật |`,
    level: 'MAT',
    rule: 'CLASSIFICATION_FIELD',
  },
  { text: 'Do khan: Khan\nDo mat: Mat\nNoi nhan: Phong PC06', level: 'MAT', rule: 'CLASSIFICATION_FIELD', note: 'export without diacritics' },
  { text: 'ĐỘ KHẨN: HỎA TỐC\nĐỘ MẬT: TUYỆT MẬT\nSỐ BẢN: 05', level: 'TUYET_MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'Thông tin văn bản\nĐộ mật:\nTối mật\nĐộ khẩn:\nKhẩn', level: 'TOI_MAT', rule: 'CLASSIFICATION_FIELD', note: 'value on the next line' },
  { text: 'Mức độ mật: Mật\nMức độ khẩn: Thường\nNgười ký: Phó Giám đốc', level: 'MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'Độ mật văn bản: Tối mật\nSố trang: 12\nSố bản: 04', level: 'TOI_MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'Fwd: Văn bản số 33/CAT-PA05\nĐộ mật: Mật; Độ khẩn: Hỏa tốc\nNội dung: đề nghị các đơn vị nghiên cứu, thực hiện.', level: 'MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'Độ mật : Tối mật\nĐộ khẩn : Thượng khẩn', level: 'TOI_MAT', rule: 'CLASSIFICATION_FIELD' },
  {
    text: `Văn bản đi - Chi tiết
  Sổ văn bản: Sổ văn bản đi mật
  Số, ký hiệu: 07/BC-BCH
  Loại văn bản: Báo cáo
  Độ mật: Mật
  Độ khẩn: Khẩn
  Nơi nhận: Bộ Chỉ huy Quân sự tỉnh`,
    level: 'MAT',
    rule: 'CLASSIFICATION_FIELD',
  },
  { text: 'Ngày đến: 11/3/2026 | Số đến: 412 | Độ mật: Tuyệt mật | Độ khẩn: Hỏa tốc', level: 'TUYET_MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'Độ mật: "Mật"\nGhi chú: chuyển bản giấy, không scan', level: 'MAT', rule: 'CLASSIFICATION_FIELD' },
  {
    text: `Số ký hiệu\tNgày\tTrích yếu\tĐộ mật\tĐơn vị xử lý
12/KH-CAT\t02/3/2026\tKế hoạch bảo vệ sự kiện\tTối mật\tPhòng PV01
13/BC-CAT\t03/3/2026\tBáo cáo tổng hợp dân cư\tThường\tPhòng PC06`,
    level: 'TOI_MAT',
    rule: 'CLASSIFICATION_FIELD',
  },
  { text: 'Loại VB: Công văn; Độ mật: Mật; Độ khẩn: Thường; Trạng thái: Chờ xử lý', level: 'MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'Do mat: Toi mat\nDo khan: Thuong khan\nTrich yeu: Ke hoach dam bao an ninh', level: 'TOI_MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'Độ mật: Tuyệt mật (theo Danh mục của Bộ)\nBản số: 02', level: 'TUYET_MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC\nĐộ mật: MẬT\nĐộ khẩn: KHẨN\nNội dung trình: phương án bố trí lực lượng', level: 'MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'Độ mật: mật\nĐộ khẩn: thường\nSố trang: 3', level: 'MAT', rule: 'CLASSIFICATION_FIELD', note: 'value typed in lower case' },
  { text: 'Độ mật = Tối mật\nNgười soạn thảo = Cán bộ Phòng PA03', level: 'TOI_MAT', rule: 'CLASSIFICATION_FIELD' },
  {
    text: `SỔ ĐĂNG KÝ VĂN BẢN ĐẾN
| Số đến | Ngày đến | Nơi gửi | Độ mật |
| 101 | 02/3 | Bộ Chỉ huy Quân sự tỉnh | Tối mật |`,
    level: 'TOI_MAT',
    rule: 'CLASSIFICATION_FIELD',
  },
  { text: 'Thuộc tính văn bản: Độ mật: Mật, Độ khẩn: Hỏa tốc, Lĩnh vực: An ninh', level: 'MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'Độ mật:  Tối mật     Độ khẩn:  Khẩn', level: 'TOI_MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'Do mat : MAT\nDo khan : KHAN', level: 'MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'Độ mật: Tối mật – Độ khẩn: Thượng khẩn\nHạn trả lời: trước ngày 15/4/2026', level: 'TOI_MAT', rule: 'CLASSIFICATION_FIELD' },
];

/** Sentences that state the level: notes, e-mails, dossier remarks, lookup purposes. */
const stated: CorpusEntry[] = [
  { text: 'Ghi chú hồ sơ: Văn bản kèm theo thuộc danh mục bí mật nhà nước độ Mật, đề nghị chuyển bản giấy qua văn thư.', level: 'MAT', rule: 'STATED_CLASSIFICATION' },
  {
    text: 'Anh gửi em bản dự thảo kế hoạch, đây là tài liệu bí mật nhà nước độ Tối mật nên em chỉ xem trên máy tính độc lập nhé.',
    level: 'TOI_MAT',
    rule: 'STATED_CLASSIFICATION',
  },
  { text: 'Văn bản này có độ mật là Tuyệt mật, không được sao chụp dưới mọi hình thức.', level: 'TUYET_MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'Báo cáo đã được xếp loại Tối mật theo đề xuất của Phòng An ninh chính trị nội bộ.', level: 'TOI_MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'Nội dung trao đổi tại cuộc họp được xác định là bí mật nhà nước độ Mật.', level: 'MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'Thông tin về lực lượng, phương án bố trí thuộc bí mật nhà nước ở độ Tối mật.', level: 'TOI_MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'Tài liệu BMNN độ Mật – đề nghị đồng chí nghiên cứu và hoàn trả trong ngày.', level: 'MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'Danh sách kèm theo có độ mật ở mức Mật.', level: 'MAT', rule: 'STATED_CLASSIFICATION' },
  {
    text: 'Mục đích tra cứu: Xác minh nhân thân đối tượng trong chuyên án, tài liệu thuộc BMNN độ Tối mật',
    level: 'TOI_MAT',
    rule: 'STATED_CLASSIFICATION',
  },
  { text: 'Phụ lục này được phân loại là Tối mật.', level: 'TOI_MAT', rule: 'STATED_CLASSIFICATION' },
  {
    text: 'Căn cứ Quyết định số 25/QĐ-UBND, Sở Nội vụ xác định hồ sơ nhân sự dự kiến quy hoạch thuộc bí mật nhà nước độ Mật.',
    level: 'MAT',
    rule: 'STATED_CLASSIFICATION',
  },
  {
    text: 'Thực hiện Kế hoạch số 45/KH-CAT (Mật) ngày 02/3/2026 của Công an tỉnh, Công an xã báo cáo kết quả như sau:',
    level: 'MAT',
    rule: 'STATED_CLASSIFICATION',
  },
  { text: 'Kèm theo: Báo cáo số 12/BC-UBND (Tối mật), 01 bản.', level: 'TOI_MAT', rule: 'STATED_CLASSIFICATION' },
  {
    text: `Kính gửi: Văn phòng UBND tỉnh
Đề nghị quý Văn phòng lưu ý: Tờ trình số 18/TTr-SNV thuộc bí mật nhà nước độ Mật, đã gửi bản giấy qua giao liên, không đăng tải lên hệ thống quản lý văn bản.`,
    level: 'MAT',
    rule: 'STATED_CLASSIFICATION',
  },
  { text: 'Biên bản họp có độ mật là Mật, mỗi thành viên nhận một bản và hoàn trả sau cuộc họp.', level: 'MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'Sơ đồ hiện trường được xác định độ Tối mật theo Danh mục bí mật nhà nước của ngành.', level: 'TOI_MAT', rule: 'STATED_CLASSIFICATION' },
  {
    text: `Chào chị,
Em gửi chị phần số liệu về lực lượng dân quân thường trực (thuộc bí mật nhà nước độ Mật) để tổng hợp vào báo cáo chung.
Trân trọng.`,
    level: 'MAT',
    rule: 'STATED_CLASSIFICATION',
  },
  { text: 'Lưu ý: đây là văn bản bí mật nhà nước độ Tuyệt mật.', level: 'TUYET_MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'Đề án được Ban Thường vụ xếp loại Mật, chỉ phổ biến trong phạm vi Ban Chỉ đạo.', level: 'MAT', rule: 'STATED_CLASSIFICATION' },
  {
    text: 'Mục đích: Đối chiếu thông tin nhân thân phục vụ Kế hoạch số 07/KH-PA05 (Tối mật) về rà soát tài khoản mạng xã hội',
    level: 'TOI_MAT',
    rule: 'STATED_CLASSIFICATION',
  },
  { text: 'Hồ sơ vụ việc thuộc danh mục BMNN độ Mật do Bộ Công an ban hành.', level: 'MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'Nội dung tại mục III của báo cáo có độ mật là Tối mật; các mục còn lại là tài liệu thường.', level: 'TOI_MAT', rule: 'STATED_CLASSIFICATION' },
  {
    text: 'Theo Điều 3 Quyết định số 12/QĐ-UBND, tài liệu này thuộc bí mật nhà nước độ Mật, phải quản lý theo chế độ mật.',
    level: 'MAT',
    rule: 'STATED_CLASSIFICATION',
  },
  { text: 'Số liệu quân số huy động được xếp loại Tuyệt mật.', level: 'TUYET_MAT', rule: 'STATED_CLASSIFICATION' },
  {
    text: 'Lý do tra cứu: phục vụ điều tra vụ án theo Quyết định phân công số 21/QĐ-CSHS (Mật), đề nghị cung cấp thông tin hộ khẩu',
    level: 'MAT',
    rule: 'STATED_CLASSIFICATION',
  },
  { text: 'Phương án này là tài liệu bí mật nhà nước độ Tối mật, chỉ lưu tại bộ phận văn thư mật.', level: 'TOI_MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'Toàn bộ dữ liệu trong tệp đính kèm thuộc bí mật nhà nước độ Mật.', level: 'MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'Kết luận thanh tra (Mật) sẽ được gửi bằng đường giao liên.', level: 'MAT', rule: 'STATED_CLASSIFICATION' },
];

/** The envelope stamp "Chỉ người có tên mới được bóc bì" (no level of its own). */
const envelopes: CorpusEntry[] = [
  { text: 'CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ\nKính gửi: Đồng chí Giám đốc Công an tỉnh Vân Sơn', level: null, rule: 'ENVELOPE_STAMP' },
  { text: 'Bì ngoài: Phòng PV01 – Công an tỉnh Vân Sơn\nBì trong: Chỉ người có tên mới được bóc bì', level: null, rule: 'ENVELOPE_STAMP' },
  { text: 'chi nguoi co ten moi duoc boc bi', level: null, rule: 'ENVELOPE_STAMP', note: 'typed without diacritics' },
  { text: 'CHỈ NGƯỜI CÓ TÊN\nMỚI ĐƯỢC BÓC BÌ\nGửi: Đồng chí Chánh Văn phòng', level: null, rule: 'ENVELOPE_STAMP', note: 'stamp broken over two lines' },
  {
    text: 'Sổ chuyển giao: 01 phong bì dán kín, đóng dấu "Chỉ người có tên mới được bóc bì", ký hiệu C, người nhận ký nhận.',
    level: null,
    rule: 'ENVELOPE_STAMP',
  },
  { text: 'Phong bì số 3 – CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ – giao tận tay', level: null, rule: 'ENVELOPE_STAMP' },
  { text: 'Chỉ Người Có Tên Mới Được Bóc Bì', level: null, rule: 'ENVELOPE_STAMP' },
  { text: 'Nơi nhận: Đồng chí Bí thư Đảng ủy xã (CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ)', level: null, rule: 'ENVELOPE_STAMP' },
  { text: 'Bì thư ghi rõ:\n  chỉ người có tên mới được bóc bì\n  (giao trực tiếp)', level: null, rule: 'ENVELOPE_STAMP' },
  { text: 'CHI NGUOI CO TEN MOI DUOC BOC BI\nKinh gui: Truong phong PA03', level: null, rule: 'ENVELOPE_STAMP' },
];

/** OCR output: diacritics lost, O read as 0, I read as l, marks half kept. */
const ocr: CorpusEntry[] = [
  { text: 'UY BAN NHAN DAN\nTINH VAN SON\nSo: 08/KH-UBND\nTOI MAT\nKE HOACH\nBao dam an ninh trat tu', level: 'TOI_MAT', rule: 'STAMP_LINE' },
  { text: 'CONG AN TINH VAN SON\nSo: 33/BC-PA05\nMAT\nBAO CAO\nTinh hinh an ninh mang thang 3', level: 'MAT', rule: 'STAMP_LINE' },
  { text: 'TUYET MAT\nBan so: 01\nPHUONG AN BAO VE', level: 'TUYET_MAT', rule: 'STAMP_LINE' },
  { text: 'Do khan: Khan\nDo mat: Toi mat\nNoi nhan: Nhu tren', level: 'TOI_MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'SO NOI VU\nSo: 14/TTr-SNV\nT0I MAT\nTO TRINH', level: 'TOI_MAT', rule: 'STAMP_LINE', note: 'zero read for O' },
  { text: 'Van ban nay thuoc bi mat nha nuoc do Mat, khong duoc sao chup.', level: 'MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'TOl MAT\nBAO CAO NHANH', level: 'TOI_MAT', rule: 'STAMP_LINE', note: 'small L read for I' },
  { text: 'UBND TỈNH VÂN SƠN\nSô: 21/BC-UBND\nTÔI MÂT\nBÁO CÁO', level: 'TOI_MAT', rule: 'STAMP_LINE', note: 'tone marks lost, hats kept' },
  { text: 'TAI LIEU BI MAT NHA NUOC DO TOI MAT', level: 'TOI_MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'DO MAT: MAT\nDO KHAN: HOA TOC', level: 'MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'So: 09/KH-CAT            TUYET MAT\nKE HOACH', level: 'TUYET_MAT', rule: 'STAMP_LINE' },
  { text: '| MAT |\nBIEN BAN HOP', level: 'MAT', rule: 'STAMP_LINE' },
  { text: 'Bao cao da duoc xep loai Toi mat.', level: 'TOI_MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'CONG AN TINH\nSo: 4/BC\n  MAT  \nBAO CAO KET QUA', level: 'MAT', rule: 'STAMP_LINE' },
  { text: 'T0I MÂT\nPhu luc kem theo', level: 'TOI_MAT', rule: 'STAMP_LINE' },
  { text: 'Do mat: Tuyet mat\nSo ban: 02', level: 'TUYET_MAT', rule: 'CLASSIFICATION_FIELD' },
  { text: 'TUYÊT MÂT\nBản số 01', level: 'TUYET_MAT', rule: 'STAMP_LINE' },
  { text: 'ĐO MAT: TOI MAT', level: 'TOI_MAT', rule: 'CLASSIFICATION_FIELD', note: 'Đ kept, other marks lost' },
  { text: 'van ban co do mat la Toi mat', level: 'TOI_MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'BAN CHI DAO\nSo: 2/KH-BCD\n[ TOI MAT ]', level: 'TOI_MAT', rule: 'STAMP_LINE' },
];

/** Markings pasted into free-text fields of the gateway and its portal (purposes, notes, messages). */
const pasted: CorpusEntry[] = [
  {
    text: `Mục đích: Xác minh nhân thân phục vụ giải quyết hồ sơ đăng ký khai sinh
Ghi chú nội bộ (dán từ văn bản chỉ đạo):
Số: 11/CV-CAX
MẬT`,
    level: 'MAT',
    rule: 'STAMP_LINE',
  },
  { text: 'Nội dung tin nhắn: gửi em file kế hoạch, độ mật: Tối mật, xem xong xóa giúp anh', level: 'TOI_MAT', rule: 'CLASSIFICATION_FIELD' },
  {
    text: `Trích yếu hồ sơ: Đề nghị cung cấp thông tin công dân
Căn cứ: Công văn số 201/CAT-PC01 (Tối mật) ngày 09/3/2026`,
    level: 'TOI_MAT',
    rule: 'STATED_CLASSIFICATION',
  },
  { text: 'Ghi chú: tệp đính kèm là bản chụp tài liệu có dấu TỐI MẬT ở góc trái\n\nTỐI MẬT', level: 'TOI_MAT', rule: 'STAMP_LINE' },
  {
    text: `Lý do khai thác: phục vụ công tác xác minh theo chuyên đề
Phụ lục đính kèm:
                       TUYỆT MẬT
Danh sách đối tượng cần xác minh (12 người)`,
    level: 'TUYET_MAT',
    rule: 'STAMP_LINE',
  },
  { text: 'Nội dung xử lý: Đồng ý. Văn bản này thuộc bí mật nhà nước độ Mật, chuyển bộ phận văn thư mật lưu.', level: 'MAT', rule: 'STATED_CLASSIFICATION' },
  {
    text: `Ý kiến chỉ đạo: Giao Phòng PC06 chủ trì.
Độ mật: Mật
Hạn xử lý: 25/3/2026`,
    level: 'MAT',
    rule: 'CLASSIFICATION_FIELD',
  },
  { text: 'Mô tả lỗi: khi tải lên biên bản (có dấu MẬT ở đầu trang) hệ thống báo lỗi\n--- nội dung tệp ---\nMẬT\nBIÊN BẢN', level: 'MAT', rule: 'STAMP_LINE' },
];

/** Several markings at once: the most secret level is reported, at its first occurrence. */
const several: CorpusEntry[] = [
  { text: 'MẬT\nSố: 12/BC\nNội dung mục II thuộc bí mật nhà nước độ Tuyệt mật.', level: 'TUYET_MAT', rule: 'STATED_CLASSIFICATION' },
  { text: 'Độ mật: Mật\nPhụ lục kèm theo:\nTỐI MẬT', level: 'TOI_MAT', rule: 'STAMP_LINE' },
  { text: 'CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ\n\nTUYỆT MẬT\nBản số: 01', level: 'TUYET_MAT', rule: 'STAMP_LINE' },
  { text: 'TỐI MẬT\nĐộ mật: Tối mật\nĐộ khẩn: Khẩn', level: 'TOI_MAT', rule: 'STAMP_LINE' },
  { text: 'Kèm theo Kế hoạch số 3/KH (Mật) và Phương án số 4/PA (Tuyệt mật).', level: 'TUYET_MAT', rule: 'STATED_CLASSIFICATION' },
];

/** Hidden characters from web and Word exports. */
const hidden: CorpusEntry[] = [
  { text: 'Số: 5/BC-UBND\nT\u200BỐI M\u200BẬT\nBÁO CÁO', level: 'TOI_MAT', rule: 'STAMP_LINE', note: 'zero-width spaces' },
  { text: '\uFEFFMẬT\nTHÔNG BÁO NỘI BỘ', level: 'MAT', rule: 'STAMP_LINE', note: 'byte-order mark before the stamp' },
  { text: 'Độ mật: Tối m\u00ADật', level: 'TOI_MAT', rule: 'CLASSIFICATION_FIELD', note: 'soft hyphen' },
];

const handwritten = [...stamps, ...headerCells, ...fields, ...stated, ...envelopes, ...ocr, ...pasted, ...several, ...hidden];

// The same texts as a Mac or a legacy converter hands them over: decomposed (NFD). Every fourth entry
// with a diacritic, so both forms are measured without doubling the corpus.
const decomposed: CorpusEntry[] = handwritten
  .filter((e) => e.text.normalize('NFD') !== e.text)
  .filter((_, i) => i % 4 === 0)
  .map((e) => ({ ...e, text: e.text.normalize('NFD'), note: 'NFD' }));

export const POSITIVE: readonly CorpusEntry[] = [...handwritten, ...decomposed];
