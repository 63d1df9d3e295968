# Targets follow Pelican's own Makefile (html, serve, clean, publish, github) plus the
# pipeline's: test, validate, bench, and the office's monthly shortcuts. Only Python 3.11 and
# make are assumed: the first target that needs Python creates .venv and installs the pinned
# dependencies.

PY ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN ?= $(VENV)/bin
PYTHON ?= $(BIN)/python
STAMP ?= $(VENV)/.installed
DEVSTAMP ?= $(VENV)/.installed-dev
# `make validate FILE=...` checks one file; FIX=1 adds --fix.
FILE ?=
FIX ?=

INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Where `make github` pushes the gh-pages branch: the separate public repository of the site (a
# remote name or a repository URL/path), never this private one: see README.md, "Kho riêng tư,
# trang công khai". Set it up once: git remote add cong-khai git@github.com:OWNER/PUBLIC-REPO.git
GITHUB_REMOTE ?= cong-khai
GITHUB_BRANCH ?= gh-pages
# Reports and bulletins are derived files: written here (ignored by git), never committed.
REPORTDIR := bao-cao
MONTH ?=
YEAR ?=

.PHONY: help venv html validate form test serve clean publish github github-remote bench bench-validate \
	bench-site bench-photos bench-hostile lint status report radio screenshots vnu

help:
	@echo "make html      tạo .venv (chỉ thư viện để dựng trang), kiểm tra phiếu, dựng trang vào $(OUTPUTDIR)/"
	@echo "make validate  kiểm tra mọi tệp phiếu; một tệp: make validate FILE=content/nominations/2026-11/ten-bai.md"
	@echo "               tự sửa điều an toàn (bảng mã cũ, chữ tổ hợp): make validate FIX=1 FILE=..."
	@echo "make test      cài thêm thư viện kiểm thử, chạy mọi bài kiểm thử"
	@echo "make serve     xem trang $(OUTPUTDIR)/ tại http://$(HOST):$(PORT)/"
	@echo "make status    hàng chờ thẩm định của Hội đồng (MONTH=YYYY-MM cho một tháng)"
	@echo "make report MONTH=YYYY-MM  báo cáo tháng (md, csv, html) vào $(REPORTDIR)/; hoặc YEAR=YYYY"
	@echo "make radio MONTH=YYYY-MM   bản tin truyền thanh (và tệp .wav khi có espeak-ng) vào $(REPORTDIR)/"
	@echo "make form      tạo lại các mẫu phiếu trên GitHub (.github/ISSUE_TEMPLATE/) từ schema"
	@echo "make publish   dựng trang với $(PUBLISHCONF) (địa chỉ thật của chuyên mục)"
	@echo "make github    đăng trang lên kho công khai riêng (GITHUB_REMOTE=$(GITHUB_REMOTE))"
	@echo "make vnu       cài Nu HTML Checker (npm vnu-jar, cần Java) cho bài kiểm tra HTML hợp lệ"
	@echo "make screenshots  chụp ảnh màn hình mọi loại trang ở 375 và 1280 px vào screenshots/"
	@echo "make bench     chạy các phép đo tốc độ (kiểm tra phiếu, dựng trang, ảnh, bài viết độc hại)"
	@echo "make lint      kiểm tra mã nguồn bằng ruff"
	@echo "make clean     xóa thư mục $(OUTPUTDIR)/"

# Two stamps: building needs only requirements.txt; tests, benchmarks and lint add
# requirements-dev.txt (Playwright, pytest, ruff...), which an editor who only builds never installs.
$(STAMP): requirements.txt
	test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

$(DEVSTAMP): $(STAMP) requirements-dev.txt
	$(PYTHON) -m pip install --quiet -r requirements-dev.txt
	touch $(DEVSTAMP)

venv: $(DEVSTAMP)

validate: $(STAMP)
	$(PYTHON) -m scripts validate $(if $(FIX),--fix) $(FILE)

# The search index is built from the finished pages, so Pagefind runs after Pelican.
html: validate
	$(PYTHON) -m pelican $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)
	$(PYTHON) -m pagefind --site $(OUTPUTDIR) --quiet

test: $(DEVSTAMP)
	$(PYTHON) -m pytest

serve: $(STAMP)
	@test -f $(OUTPUTDIR)/index.html || { echo "Chưa có $(OUTPUTDIR)/: chạy make html trước."; exit 1; }
	$(PYTHON) -m pelican --listen --bind $(HOST) --port $(PORT) -o $(OUTPUTDIR) -s $(CONFFILE)

clean:
	rm -rf $(OUTPUTDIR)

publish: validate
	$(PYTHON) -m pelican $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF)
	$(PYTHON) -m pagefind --site $(OUTPUTDIR) --quiet

# .nojekyll keeps GitHub Pages from dropping files; output/CNAME is written by the build when
# publishconf.py names a domain (CNAME).
github: github-remote publish
	$(BIN)/ghp-import -m "Publish the column" -b $(GITHUB_BRANCH) --no-jekyll -r $(GITHUB_REMOTE) --push $(OUTPUTDIR)

# Checked before the build: a missing remote is said in Vietnamese, not by git after a minute.
github-remote:
	@git remote get-url $(GITHUB_REMOTE) >/dev/null 2>&1 || test -d "$(GITHUB_REMOTE)" || \
	case "$(GITHUB_REMOTE)" in *:*) ;; *) \
	echo "Lỗi: chưa có kho công khai \"$(GITHUB_REMOTE)\" để đăng trang. Tạo kho công khai riêng rồi chạy: git remote add $(GITHUB_REMOTE) git@github.com:CHỦ-SỞ-HỮU/TÊN-KHO.git (xem README.md, mục Kho riêng tư, trang công khai)" >&2; \
	exit 2;; esac

# Benchmarks, not tests: validation of 10,000 files, then the site build at 1,000 and 5,000
# stories against plain Pelican, full and cached, and Pagefind on its own (a few minutes), then
# 100 phone photos processed on 2 cores and a rebuild with nothing new.
bench: bench-validate bench-site bench-photos bench-hostile

bench-validate: $(DEVSTAMP)
	$(PYTHON) -m tests.bench.validate_bench

bench-site: $(DEVSTAMP)
	$(PYTHON) -m tests.bench.build_bench

bench-photos: $(DEVSTAMP)
	$(PYTHON) -m tests.bench.photo_bench

# Adversarial story bodies at 10 KB, 100 KB and 1 MiB: validate and build-one-story times.
bench-hostile: $(DEVSTAMP)
	$(PYTHON) -m tests.bench.hostile_bench

# The Nu HTML Checker for tests/site/test_nu_validator.py (needs npm and Java): the npm package,
# kept inside .venv so it goes with it.
VNU_VERSION := 26.9.27
vnu: $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar

$(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar: $(STAMP)
	npm install --silent --no-save --no-package-lock --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION)

# Every page type at a phone's and a desktop's width, for people to look at (git-ignored folder).
screenshots: $(DEVSTAMP)
	$(PYTHON) -m pytest -m screenshots -q

lint: $(DEVSTAMP)
	$(BIN)/ruff check scripts tests pelicanconf.py publishconf.py

# The issue form is generated from the schema and the unit registry; a test keeps them equal.
form: $(STAMP)
	$(PYTHON) -m scripts form

# The council's queue, oldest first, with the repeats worth a second look (all months by default).
status: $(STAMP)
	$(PYTHON) -m scripts status $(if $(MONTH),--month $(MONTH))

report: $(STAMP)
	@test -n "$(MONTH)$(YEAR)" || { echo "Lỗi: cần MONTH=YYYY-MM hoặc YEAR=YYYY, ví dụ: make report MONTH=2026-11" >&2; exit 2; }
	mkdir -p $(REPORTDIR)
	$(foreach fmt,md csv html,$(PYTHON) -m scripts report $(if $(MONTH),--month $(MONTH),--year $(YEAR)) \
		--format $(fmt) --out $(REPORTDIR)/bao-cao-$(or $(MONTH),$(YEAR)).$(fmt) &&) true

radio: $(STAMP)
	@test -n "$(MONTH)" || { echo "Lỗi: cần MONTH=YYYY-MM, ví dụ: make radio MONTH=2026-11" >&2; exit 2; }
	mkdir -p $(REPORTDIR)
	$(PYTHON) -m scripts radio --month $(MONTH) --out $(REPORTDIR)/ban-tin-$(MONTH).txt \
		$(if $(shell command -v espeak-ng),--audio $(REPORTDIR)/ban-tin-$(MONTH).wav)
