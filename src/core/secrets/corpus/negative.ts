/** Ordinary texts that use "mật" or mention state secrets without marking anything (DOMAIN §7); none may be flagged. */
import type { CorpusEntry } from './entry.js';

/** Passwords (mật khẩu): R8 makes the portal talk about them all day. */
const passwords: CorpusEntry[] = [
  { text: 'Vui lòng đổi mật khẩu trước ngày 30/6/2026.' },
  { text: 'Mật khẩu phải có ít nhất 8 ký tự, gồm chữ số, chữ hoa, chữ thường và ký tự đặc biệt.' },
  { text: 'MẬT KHẨU\nTối thiểu 8 ký tự, không trùng 10 mật khẩu gần nhất' },
  { text: 'Tên đăng nhập:    canbo.pc06\nMật khẩu:         ********\nGhi nhớ mật khẩu trên trình duyệt: Không' },
  { text: 'ĐỔI MẬT KHẨU\nMật khẩu hiện tại\nMật khẩu mới\nNhập lại mật khẩu mới' },
  { text: 'TÀI KHOẢN  |  MẬT KHẨU  |  GHI CHÚ\ncanbo01    |  (đã ẩn)   |  cấp ngày 02/3/2026' },
  { text: 'Độ mạnh mật khẩu: Trung bình\nĐộ mật khẩu: Yếu' },
  { text: 'Tài khoản của đồng chí sẽ bị khóa sau 5 lần nhập sai mật khẩu liên tiếp.' },
  {
    text: `Kính gửi các phòng,
Hệ thống yêu cầu thay đổi mật khẩu định kỳ ít nhất 03 tháng một lần. Tuyệt đối không lưu mật khẩu trên trình duyệt và không dùng chung tài khoản.
Trân trọng.`,
  },
  { text: 'Quên mật khẩu? Nhấn vào đây để nhận mã xác thực qua số điện thoại đã đăng ký.' },
  { text: 'Mật khẩu mới không được trùng với tên đăng nhập hoặc ngày sinh.' },
  { text: 'HƯỚNG DẪN ĐẶT MẬT KHẨU AN TOÀN CHO TÀI KHOẢN DỊCH VỤ CÔNG' },
  { text: 'Lỗi: Mật khẩu không đúng. Còn 2 lần thử.' },
  { text: 'Mật\nkhẩu phải được đổi ngay sau lần đăng nhập đầu tiên.', note: 'a word wrapped after "Mật"' },
  { text: 'Cán bộ tiếp nhận tự đặt mật khẩu lần đầu, không ghi mật khẩu ra giấy dán trên màn hình.' },
  { text: 'Chính sách mật khẩu: độ dài tối thiểu 8, thời hạn 90 ngày, khóa sau 5 lần sai.' },
];

/** Security (bảo mật) and the seed letters' own wording. */
const security: CorpusEntry[] = [
  { text: 'BẢO MẬT THÔNG TIN' },
  { text: 'CỤC CHỨNG THỰC SỐ VÀ BẢO MẬT THÔNG TIN - ĐT: 0243.7738668; Fax: 0243.7738668; Email: ca@bcy.gov.vn' },
  {
    text: `\t\tCỤC CHỨNG THỰC SỐ VÀ BẢO MẬT THÔNG TIN - ĐT: 0243.7738668; Fax: 0243.7738668; Email: ca@bcy.gov.vn
\t2024-09-10T14:42:16+0700
\tỦY BAN NHÂN DÂN TỈNH VÂN SƠN
\tđã ký lên văn bản này!`,
  },
  {
    text: `- Tăng cường tuyên truyền, nâng cao nhận thức cho cán bộ, công chức, viên chức, người lao động quán triệt
về trách nhiệm quản lý, bảo mật tài khoản được giao sử dụng, không chia sẻ thông tin về tài khoản đăng nhập vào
Hệ thống thông tin Giải quyết thủ tục hành chính của tỉnh.`,
  },
  { text: 'Phòng TCCB Sở GDĐT quán triệt về trách nhiệm quản lý, bảo mật tài khoản được giao sử dụng.' },
  { text: 'thực hiện nghiêm các biện pháp bảo mật tài khoản người dùng trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh' },
  { text: 'QUY CHẾ BẢO MẬT DỮ LIỆU CÁ NHÂN\nTRONG HOẠT ĐỘNG TIẾP NHẬN HỒ SƠ TRỰC TUYẾN' },
  { text: 'KẾ HOẠCH TĂNG CƯỜNG CÔNG TÁC BẢO\nMẬT', note: 'heading wrapped before its last word' },
  { text: 'QUY ĐỊNH VỀ  BẢO  MẬT  TÀI KHOẢN', note: 'OCR of justified text leaves double spaces' },
  { text: 'Hệ thống đáp ứng yêu cầu bảo mật cấp độ 3 theo TCVN 11930:2017.' },
  { text: 'Kết nối giữa cổng dịch vụ và CSDLQG về dân cư được bảo mật bằng TLS 1.3 và chứng thư số.' },
  { text: 'Phần mềm không rõ nguồn gốc có thể chứa mã độc, gây mất an toàn, bảo mật dữ liệu.' },
  { text: 'Chức năng: Cấu hình bảo mật hai lớp (OTP) cho tài khoản quản trị.' },
  { text: 'ĐIỀU KHOẢN BẢO MẬT VÀ SỬ DỤNG DỮ LIỆU' },
  { text: 'Bộ phận một cửa cam kết bảo mật thông tin cá nhân của công dân theo Luật Bảo vệ dữ liệu cá nhân.' },
  { text: 'Cam kết bảo mật\nTôi cam kết không tiết lộ mật khẩu, không chia sẻ tài khoản.' },
];

/** Honey, bile, medicine, density: "mật" as an ordinary word. */
const everyday: CorpusEntry[] = [
  { text: 'Mật ong rừng nguyên chất, chai 500 ml, giá 250.000 đồng.' },
  { text: 'Cho 2 thìa mật ong, 1 thìa nước cốt chanh vào cốc nước ấm, khuấy đều.' },
  { text: 'HỢP TÁC XÃ ONG MẬT PHÚ LỢI\nGiấy chứng nhận đăng ký hợp tác xã số 4701234567' },
  { text: 'Kết quả kiểm nghiệm: mẫu mật ong đạt chỉ tiêu độ ẩm dưới 20%, được xếp loại A.' },
  { text: 'Nghiêm cấm nuôi nhốt gấu để lấy mật; mọi hành vi mua bán mật gấu sẽ bị xử lý theo quy định.' },
  { text: 'KHÔNG SỬ DỤNG MẬT GẤU – HÃY BẢO VỆ ĐỘNG VẬT HOANG DÃ' },
  { text: 'Bệnh nhân nam, 54 tuổi, đau hạ sườn phải, siêu âm phát hiện sỏi túi mật, chỉ định cắt túi mật nội soi.' },
  { text: 'KHOA NGOẠI GAN – MẬT – TỤY\nLịch khám: sáng thứ Hai và thứ Năm' },
  { text: 'Chẩn đoán: Viêm túi mật cấp do sỏi. Theo dõi tắc mật.' },
  { text: 'BỆNH LÝ GAN\nMẬT', note: 'medical heading wrapped' },
  { text: 'Xét nghiệm bilirubin tăng cao gợi ý tắc nghẽn đường mật.' },
  { text: 'Mật độ dân số của tỉnh Vân Sơn năm 2025 là 312 người/km².' },
  { text: 'MẬT ĐỘ DÂN SỐ THEO XÃ, PHƯỜNG NĂM 2025' },
  { text: 'Quy hoạch khu dân cư mới: mật độ xây dựng tối đa 60%, tầng cao tối đa 5 tầng.' },
  { text: 'Độ ẩm của mật ong thành phẩm không vượt quá 18%.' },
  { text: 'Nhà máy đường thu mua mật rỉ làm nguyên liệu sản xuất cồn.' },
  { text: 'Lời nói ngọt như mật nhưng việc làm thì không như vậy.' },
  { text: 'Mật\nong được thu hoạch vào tháng Ba.', note: 'a word wrapped after "Mật"' },
  { text: 'Sản phẩm OCOP 3 sao: mật ong hoa cà phê của xã Phú Lợi.' },
  { text: '| Sản phẩm | Mật ong |\n| Sản lượng | 12 tấn |' },
];

/** Other words built on "mật": business and private secrets, intimacy, ciphers, agents, vigilance. */
const compounds: CorpusEntry[] = [
  { text: 'Hợp đồng lao động có điều khoản bảo vệ bí mật kinh doanh và bí mật công nghệ của doanh nghiệp.' },
  { text: 'Mọi người có quyền bất khả xâm phạm về đời sống riêng tư, bí mật cá nhân và bí mật gia đình.' },
  { text: 'Không được tiết lộ bí mật đời tư của người dân khi khai thác dữ liệu dân cư.' },
  { text: 'Buổi gặp mặt diễn ra trong không khí thân mật, cởi mở.' },
  { text: 'Hai lĩnh vực có quan hệ mật thiết với nhau.' },
  { text: 'Ban Cơ yếu Chính phủ quản lý sản phẩm mật mã dân sự; chữ ký số dùng thuật toán mật mã RSA.' },
  { text: 'Bộ phim kể về một nhân viên mật vụ trong thời kỳ chiến tranh.' },
  { text: 'Lực lượng bảo vệ canh gác nghiêm mật khu vực tổ chức hội nghị.' },
  { text: 'Người dân đã mật báo cho Công an xã về đối tượng lạ xuất hiện trong thôn.' },
  { text: 'Bí mật thư tín, điện thoại, điện tín và các hình thức trao đổi thông tin riêng tư khác được pháp luật bảo đảm.' },
  { text: 'Ứng dụng dùng mã hóa đầu cuối để giữ bí mật nội dung tin nhắn.' },
  { text: 'Chương trình truyền hình "Bí mật của đêm" phát sóng lúc 21 giờ.' },
  { text: 'Mật danh của chiến dịch quảng bá là "Hoa sen".' },
  { text: 'Đây là bí mật nghề nghiệp của luật sư và được pháp luật bảo vệ.' },
];

/** Citations and mentions of the law on state secrets: no marking, whatever the levels named. */
const lawMentions: CorpusEntry[] = [
  { text: 'Thực hiện Luật Bảo vệ bí mật nhà nước năm 2018 và các văn bản hướng dẫn thi hành.' },
  { text: 'Luật Bảo vệ bí mật nhà nước số 117/2025/QH15 có hiệu lực từ ngày 01/3/2026.' },
  { text: 'Các đơn vị thực hiện nghiêm theo quy định về bảo vệ bí mật nhà nước.' },
  { text: 'Rà soát, đề xuất sửa đổi danh mục bí mật nhà nước thuộc lĩnh vực quản lý của Sở.' },
  {
    text: `Tuyệt đối không được sử dụng hệ thống, thiết bị, phần mềm, ứng dụng liên quan đến kết nối,
khai thác Cơ sở dữ liệu Quốc gia về Dân cư để soạn thảo, lưu trữ, truyền gửi nội dung chứa bí mật nhà nước.`,
  },
  { text: 'không được soạn thảo, lưu trữ nội dung chứa bí mật nhà nước trên máy tính kết nối Internet' },
  {
    text: `Điều 8. Phân loại bí mật nhà nước
Căn cứ vào tính chất quan trọng của nội dung thông tin, mức độ nguy hại nếu bị lộ, bị mất, bí mật nhà nước được phân loại thành 03 độ mật, bao gồm: Tuyệt mật, Tối mật, Mật.`,
  },
  {
    text: `Thời hạn bảo vệ bí mật nhà nước được tính từ ngày xác định độ mật:
a) 30 năm đối với bí mật nhà nước độ Tuyệt mật;
b) 20 năm đối với bí mật nhà nước độ Tối mật;
c) 10 năm đối với bí mật nhà nước độ Mật.`,
  },
  { text: 'Người đứng đầu cơ quan có thẩm quyền cho phép sao, chụp tài liệu, vật chứa bí mật nhà nước độ Tối mật, Mật.' },
  { text: 'Bí mật nhà nước được phân loại theo độ mật: Tuyệt mật, Tối mật và Mật.' },
  { text: 'Khi soạn thảo văn bản có nội dung bí mật nhà nước độ Mật, phải sử dụng máy tính không kết nối mạng.' },
  { text: 'Trường hợp tài liệu bí mật nhà nước độ Tuyệt mật bị mất, phải báo cáo ngay người đứng đầu cơ quan.' },
  { text: 'Không soạn thảo tài liệu bí mật nhà nước độ Mật trên hệ thống kết nối với CSDLQG về dân cư.' },
  { text: 'Dấu độ mật gồm: “TUYỆT MẬT”, “TỐI MẬT”, “MẬT”.' },
  { text: 'Hướng dẫn: không chọn Độ mật là Mật đối với văn bản thường.' },
  { text: 'Hội nghị quán triệt Luật Bảo vệ bí mật nhà nước và Quy chế bảo vệ bí mật nhà nước của UBND tỉnh.' },
  { text: 'Quyết định ban hành Danh mục bí mật nhà nước độ Tối mật của ngành được gửi các đơn vị để biết.' },
  { text: 'Nếu nghi ngờ văn bản thuộc bí mật nhà nước độ Mật, chuyển ngay cho bộ phận văn thư mật xử lý.' },
  { text: 'Việc xác định độ mật của tài liệu do người đứng đầu quyết định.' },
  { text: 'Xử phạt vi phạm hành chính về bảo vệ bí mật nhà nước theo Nghị định của Chính phủ.' },
  { text: 'Chẳng hạn, bí mật nhà nước độ Tối mật chỉ được phổ biến cho người có thẩm quyền.' },
  { text: 'Trong hệ thống có trường Độ mật với các giá trị Thường, Mật, Tối mật, Tuyệt mật.' },
  { text: 'Thông tin về dân cư thông thường không thuộc danh mục bí mật nhà nước.' },
  { text: 'Tập huấn kỹ năng nhận diện tài liệu mật và quy trình giao nhận tài liệu mật.' },
];

/** Document-management exports of documents that are not secret. */
const exports: CorpusEntry[] = [
  { text: 'Số ký hiệu: 2833/STTTT-CĐS\nĐộ khẩn: Thường\nĐộ mật: Thường\nTrích yếu: Tăng cường bảo đảm an toàn thông tin' },
  { text: 'Độ mật: thường\nĐộ khẩn: khẩn' },
  { text: 'ĐỘ MẬT: THƯỜNG\nĐỘ KHẨN: HỎA TỐC' },
  { text: 'Độ mật:\nĐộ khẩn: Hỏa tốc\nSố trang: 2' },
  { text: 'Độ mật: Không\nĐộ khẩn: Không' },
  { text: 'Độ mật: --\nNgười ký: Phó Giám đốc' },
  { text: 'Độ mật: ☐ Thường ☐ Mật ☐ Tối mật ☐ Tuyệt mật', note: 'blank form' },
  { text: 'Độ mật: Mật / Tối mật / Tuyệt mật (chọn một khi văn bản thuộc bí mật nhà nước)', note: 'form help text' },
  {
    text: `| STT | Số ký hiệu | Trích yếu | Độ khẩn | Độ mật |
|-----|------------|-----------|---------|--------|
| 1 | 919/SCT-VP | Bảo mật tài khoản người dùng | Thường | Thường |
| 2 | 1982/SCT-VP | An toàn thông tin kết nối dữ liệu dân cư | Khẩn | Thường |`,
  },
  { text: 'Số ký hiệu\tTrích yếu\tĐộ mật\n4344/UBND-VP\tChấn chỉnh khai thác CSDLQG về dân cư\tThường' },
  { text: 'Do mat: Thuong\nDo khan: Thuong' },
  { text: 'Độ mật: Bình thường; Độ khẩn: Thường; Hình thức gửi: Trục liên thông' },
  { text: 'Mức độ mật: (không)\nMức độ khẩn: Khẩn' },
  { text: 'Sổ văn bản: Văn bản đi 2026 | Độ mật: Thường | Độ khẩn: Thượng khẩn' },
  { text: 'Độ mật văn bản: Thường\nSố bản phát hành: 25' },
  {
    text: `Văn bản đến - Chi tiết
  Số đến: 1234
  Cơ quan ban hành: Sở Khoa học và Công nghệ
  Độ mật: Thường
  Độ khẩn: Khẩn
  Hạn xử lý: 25/3/2026`,
  },
];

/** Ordinary purposes of a lookup and dossier notes in the gateway. */
const purposes: CorpusEntry[] = [
  { text: 'Xác minh nhân thân phục vụ giải quyết hồ sơ đăng ký khai sinh' },
  { text: 'Kiểm tra thông tin cư trú để giải quyết thủ tục đăng ký thường trú, mã hồ sơ 000.00.12.H99-260312-0001' },
  { text: 'Đối chiếu họ tên, ngày sinh, số định danh cá nhân của người nộp hồ sơ cấp phiếu lý lịch tư pháp' },
  { text: 'Mục đích: xác minh tình trạng hôn nhân phục vụ đăng ký kết hôn\nGhi chú: công dân đã nộp đủ giấy tờ' },
  { text: 'Xác thực thông tin học sinh để đồng bộ CSDL ngành giáo dục với CSDL vnEdu theo Đề án 06' },
  { text: 'Tra cứu thông tin chủ hộ phục vụ chi trả trợ cấp xã hội tháng 3/2026' },
  { text: 'Ghi chú hồ sơ: Công dân bổ sung ảnh chụp mặt trước và mặt sau thẻ căn cước.' },
  { text: 'Lý do từ chối: ảnh chụp bị mất góc, không đọc được số định danh cá nhân.' },
  { text: 'Ghi chú: Hồ sơ đã được xếp loại ưu tiên do công dân là người cao tuổi.' },
  { text: 'Đề nghị cung cấp thông tin về nơi thường trú của người lao động thuộc độ tuổi đóng bảo hiểm xã hội bắt buộc' },
  { text: 'Xác minh thông tin người đại diện theo pháp luật để đăng ký hộ kinh doanh' },
  { text: 'Mục đích: kiểm tra điều kiện hưởng chính sách người có công; hồ sơ xếp loại Khá theo kết quả thẩm định.' },
  { text: 'Nội dung tin nhắn: em gửi lại mật khẩu tạm của tài khoản mới, anh đổi ngay sau khi đăng nhập nhé' },
  { text: 'Cảnh báo: hệ thống từ chối tệp có dấu độ mật; vui lòng không tải lên tài liệu mật.' },
  { text: 'Không đưa văn bản MẬT lên hệ thống quản lý hồ sơ một cửa.' },
];

/** OCR output and typing without diacritics, of ordinary text. */
const ocr: CorpusEntry[] = [
  { text: 'Mat khau phai co it nhat 8 ky tu' },
  { text: 'BAO MAT TAI KHOAN NGUOI DUNG' },
  { text: 'Ghi chu:\nmat\nkhong ro chu', note: 'lower-case "mat" alone on a line' },
  { text: 'Tui mat, soi mat, viem tui mat cap' },
  { text: 'DOI MAT KHAU DINH KY 3 THANG/LAN' },
  { text: 'MAT KHAU:  ********' },
  { text: 'TAI KHOAN   MAT   KHAU', note: 'OCR double spaces inside "mật khẩu"' },
  { text: 'TOI DA 8 KY TU\nTOI THIEU 1 CHU HOA' },
  { text: 'mat do dan so nam 2025' },
  { text: 'Luat Bao ve bi mat nha nuoc nam 2018' },
  { text: 'khong duoc soan thao, luu tru noi dung chua bi mat nha nuoc' },
  { text: 'Mat ong rung U Minh' },
  { text: 'TUYET DOI KHONG CHIA SE TAI KHOAN' },
];

/** Look-alike words: mặt (face), mất (lost), mát (cool), tối (evening, maximum), colloquial "tuyệt mật". */
const lookalikes: CorpusEntry[] = [
  { text: 'MẶT TRƯỚC\nMẶT SAU' },
  { text: 'Ảnh chụp mặt trước căn cước công dân bị mờ, đề nghị công dân bổ sung.' },
  { text: 'MẤT\nGiấy khai sinh bản chính', note: 'a checkbox label: lost' },
  { text: 'Buổi tối trời mát, cuộc họp dân phố kết thúc lúc 21 giờ.' },
  { text: 'Cuối năm công việc nhiều tối mặt tối mũi.' },
  { text: 'TỐI ƯU HÓA TRUY VẤN CSDL' },
  { text: 'Kế hoạch ra mắt sản phẩm được giữ tuyệt mật cho đến ngày công bố.' },
  { text: 'RÒ RỈ THÔNG TIN TUYỆT MẬT VỀ MẪU XE MỚI' },
  { text: 'Tiểu thuyết trinh thám "Hồ sơ tuyệt mật" tái bản lần thứ ba.' },
  { text: 'Đổi mặt hàng, mất mát hàng hóa được bồi thường theo hợp đồng.' },
  { text: 'Chỉ người có thẩm quyền mới được ký phê duyệt.' },
  { text: 'chỉ người có tên trong danh sách mới được vào phòng họp' },
  { text: 'MẶT' },
];

/** Whole seed paragraphs (names of signatories left out). */
const seeds: CorpusEntry[] = [
  {
    text: `UBND TỈNH ĐỒNG NAI
SỞ CÔNG THƯƠNG

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số:           /SCT-VP
V/v tăng cường bảo đảm an toàn 
thông tin trong việc kết nối, tích hợp, 
chia sẻ dữ liệu dân cư giữa CSDLQG 
về dân cư với hệ thống thông tin giải 
quyết thủ tục hành chính.`,
  },
  {
    text: `Tiếp theo các Văn bản số gồm: số 919/SCT-VP ngày 23/02/2024 về việc
thực hiện nghiêm các biện pháp bảo mật tài khoản người dùng trên Hệ thống thông
tin giải quyết thủ tục hành chính tỉnh và số 1982/SCT-VP ngày 16/4/2024 của Sở
Công Thương về việc đảm bảo an toàn thông tin trong kết nối dữ liệu dân cư.`,
  },
  {
    text: `không dùng chung tài khoản, thường xuyên phải thay đổi mật khẩu sử dụng (ít nhất 03 tháng phải thay
đổi mật khẩu 01 lần), độ dài mật khẩu có độ phức tạp cần thiết (độ dài mật khẩu
tối thiểu 8 ký tự, trong đó phải bao gồm chữ số, chữ hoa, chữ thường và ký tự đặc
biệt).`,
  },
  {
    text: `UBND TỈNH BÀ RỊA – VŨNG TÀU 

SỞ GIÁO DỤC VÀ ĐÀO TẠO 
 
    Số:   

V/v triển khai chấn chỉnh trong khai 
thác, sử dụng Cơ sở dữ liệu Quốc gia 
về Dân cư và thực hiện quy định về an 
toàn thông tin. `,
  },
  {
    text: `thác khi chưa có sự đồng ý bằng văn bản của Tổ Công tác Đề án 06 của tỉnh, không 
được tự ý kết nối, khai thác khi chưa có sự đồng ý của Ban Chỉ đạo. Tuyệt đối 
không được sử dụng hệ thống, thiết bị, phần mềm, ứng dụng liên quan đến kết nối, 
khai thác Cơ sở dữ liệu Quốc gia về Dân cư để soạn thảo, lưu trữ, truyền gửi nội 
dung chứa bí mật nhà nước. `,
  },
  {
    text: `Nơi nhận: 
- Như kính gửi; 
- Các Phòng CM, NV Sở; 
- Cổng TTĐT ngành; 
- Lưu: VT, VP. 

KT. GIÁM ĐỐC 
PHÓ GIÁM ĐỐC `,
  },
];

const handwritten = [...passwords, ...security, ...everyday, ...compounds, ...lawMentions, ...exports, ...purposes, ...ocr, ...lookalikes, ...seeds];

// The same texts decomposed (NFD), every fourth entry with a diacritic: normalisation must not create a marking.
const decomposed: CorpusEntry[] = handwritten
  .filter((e) => e.text.normalize('NFD') !== e.text)
  .filter((_, i) => i % 4 === 0)
  .map((e) => ({ ...e, text: e.text.normalize('NFD'), note: 'NFD' }));

export const NEGATIVE: readonly CorpusEntry[] = [...handwritten, ...decomposed];
