"""Generate realistic nominations in bulk, for the benchmarks.

Stories are assembled from Vietnamese sentences about fictional people, so files have the size,
the characters and the front-matter shape of real ones (400-800 words of body). The same seed
gives the same files.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
          "Ngô", "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trương", "Lương"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Quang", "Thu", "Xuân", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đông", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng",
         "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quyên", "Sơn", "Tâm",
         "Thảo", "Thắng", "Trang", "Trung", "Tuấn", "Uyên", "Vinh", "Yến", "Đức", "Lộc", "Nhung"]
ROLES = ["Tổ trưởng tổ dân phố", "Giáo viên tiểu học", "Nông dân nuôi tôm", "Cựu chiến binh",
         "Y sĩ trạm y tế", "Chi hội trưởng phụ nữ", "Bí thư chi đoàn", "Công an viên",
         "Tiểu thương chợ phường", "Thợ may", "Tài xế xe ôm công nghệ", "Công chức một cửa"]
PLACES = ["Tổ dân phố Phú Thịnh", "Tổ dân phố Hòa Thạnh", "Tổ dân phố Đông Hải",
          "Tổ dân phố Tân Dân", "Trường Tiểu học Ninh Hà", "Trạm Y tế phường"]
COLLECTIVES = ["Tổ tự quản an ninh trật tự", "Chi hội Phụ nữ", "Đội thanh niên tình nguyện",
               "Câu lạc bộ dưỡng sinh", "Tổ hợp tác nuôi tôm sạch", "Tổ phân loại rác tại nguồn"]
UNITS = ["ban-tuyen-giao", "mttq", "hoi-lhpn", "hoi-nong-dan", "doan-thanh-nien", "hoi-ccb",
         "cong-an", "truong-th-ninh-ha", "tram-y-te", "tdp-phu-thinh", "tdp-dong-hai", "tdp-tan-dan"]
CATEGORIES = ["nguoi-tot-viec-tot", "dien-hinh-tien-tien", "cach-lam-hay"]
FIELDS = ["kinh-te", "nong-nghiep-nong-thon-moi", "van-hoa-xa-hoi", "giao-duc", "y-te",
          "quoc-phong-an-ninh", "chuyen-doi-so", "moi-truong", "cai-cach-hanh-chinh"]
DEEDS = ["trả lại ví tiền cho người đánh rơi", "hiến đất mở rộng đường bê tông",
         "vận động hội viên gửi tiết kiệm", "hướng dẫn người cao tuổi cài đặt định danh điện tử",
         "nuôi tôm theo quy trình sạch", "mở tủ sách cho học sinh", "tuần tra giữ bình yên khu phố",
         "phân loại rác tại nguồn", "hiến máu tình nguyện nhiều lần", "giúp đỡ hộ nghèo sửa nhà"]
SENTENCES = [
    "Ở tổ dân phố, ai cũng biết đến {name} như một người chịu thương chịu khó, luôn sẵn lòng giúp đỡ bà con lối xóm.",
    "Mỗi sáng sớm, khi phố phường còn chìm trong sương, {name} đã có mặt để chuẩn bị cho công việc của ngày mới.",
    "Trong năm qua, {name} đã cùng bà con {deed}, góp phần làm cho đời sống của khu dân cư ngày càng khởi sắc.",
    "Không chỉ làm tốt phần việc của mình, {name} còn vận động nhiều hộ gia đình cùng tham gia, tạo nên phong trào sôi nổi.",
    "Những việc làm tuy nhỏ nhưng bền bỉ ấy đã được Ủy ban nhân dân phường ghi nhận và biểu dương kịp thời.",
    "Bà con trong khu phố cho biết, nhờ có sự gương mẫu của {name}, nhiều gia đình đã thay đổi nếp nghĩ, cách làm.",
    "Khi được hỏi về động lực, {name} chỉ cười hiền: việc gì có ích cho bà con thì mình làm, không nghĩ nhiều.",
    "Từ mô hình này, Hội đã tổ chức buổi sinh hoạt chuyên đề để các chi hội khác học tập, nhân rộng.",
    "Kết quả sau sáu tháng thực hiện cho thấy số hộ tham gia tăng gấp đôi, chi phí giảm đáng kể so với trước.",
    "Đây là minh chứng sinh động cho phong trào thi đua yêu nước đang lan tỏa mạnh mẽ trên địa bàn phường.",
    "Với những đóng góp đó, {name} xứng đáng là tấm gương người tốt, việc tốt để mọi người cùng học tập.",
    "Chính quyền địa phương đánh giá cao tinh thần trách nhiệm và sự sáng tạo trong cách làm của {name}.",
]
HEADINGS = ["Việc làm bền bỉ", "Lan tỏa trong cộng đồng", "Cách làm sáng tạo", "Kết quả đáng ghi nhận"]


def _story(rng: random.Random, name: str, deed: str) -> str:
    paragraphs = []
    target = rng.randint(400, 800)
    words = 0
    while words < target:
        if paragraphs and rng.random() < 0.2:
            paragraphs.append("## " + rng.choice(HEADINGS))
        sentences = [rng.choice(SENTENCES).format(name=name, deed=deed) for _ in range(rng.randint(3, 5))]
        paragraph = " ".join(sentences)
        words += len(paragraph.split())
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs) + "\n"


def nomination(rng: random.Random, index: int, period: str, published: bool) -> tuple[str, str]:
    """(slug, file text) of one realistic nomination."""
    individual = rng.random() < 0.7
    deed = rng.choice(DEEDS)
    if individual:
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        nominee = {"kind": "ca-nhan", "name": name, "role": rng.choice(ROLES), "place": rng.choice(PLACES)}
    else:
        name = f"{rng.choice(COLLECTIVES)} {rng.choice(PLACES).removeprefix('Tổ dân phố ')}"
        nominee = {"kind": "tap-the", "name": name, "role": "Tập thể tiêu biểu", "place": rng.choice(PLACES)}
    year, month = period.split("-")
    day = rng.randint(1, 20)
    meta = {
        "title": f"{name} {deed}",
        "category": rng.choice(CATEGORIES),
        "field": rng.choice(FIELDS),
        "period": period,
        "submitted_by": rng.choice(UNITS),
        "submitted_on": f"{year}-{month}-{day:02d}",
        "nominee": nominee,
        "summary": f"{name} đã {deed}, được bà con trong khu phố tin yêu và noi theo.",
        "achievements": [f"Tích cực {deed} trong năm {year}.", "Vận động nhiều hộ gia đình cùng tham gia."],
        "impact": "Tạo sức lan tỏa trong cộng đồng, góp phần xây dựng khu phố văn minh, an toàn.",
        "prior_awards": [{"title": "Gia đình văn hóa", "decision": "Quyết định số 15/QĐ-UBND", "year": 2025}],
    }
    if individual:
        meta["consent"] = {"publish": True, "personal_data": False, "on": f"{year}-{month}-01"}
    meta["contact"] = {"name": f"{rng.choice(FAMILY)} Thị {rng.choice(GIVEN)}", "phone": "0258 3845 123"}
    if published:
        meta["review"] = {"decision": "approved", "by": "Nguyễn Hữu Phước", "on": f"{year}-{month}-25",
                          "ref": "Biên bản số 05/BB-HĐTĐKT", "forward": rng.random() < 0.1}
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    slug = f"bai-{index:05d}-{'ca-nhan' if individual else 'tap-the'}"
    return slug, f"---\n{front}---\n\n{_story(rng, name, deed)}"


def generate(root: Path, count: int, published: bool = True, seed: int = 2026,
             months: tuple[str, ...] = ("2026-07", "2026-08", "2026-09", "2026-10")) -> list[Path]:
    """Write ``count`` nominations under ``root`` (with a copy of schema/); return their paths."""
    rng = random.Random(seed)
    if not (root / "schema").exists():
        shutil.copytree(ROOT / "schema", root / "schema")
    state = "published" if published else "nominations"
    paths = []
    for index in range(count):
        period = months[index % len(months)]
        folder = root / "content" / state / period
        folder.mkdir(parents=True, exist_ok=True)
        slug, text = nomination(rng, index, period, published)
        path = folder / f"{slug}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
