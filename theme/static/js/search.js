// Search page: Pagefind's JavaScript API over the index built after Pelican (make html).
// Loaded only by the search page. Results come as the reader types (debounced). Pagefind
// matches words without tone marks; story pages carry their đ-words folded to d, so "duc"
// finds "Đức".
const root = new URL("../../", import.meta.url);
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const selects = [...form.querySelectorAll("select[data-filter]")];

const DEBOUNCE_MS = 250;
// How many of Pagefind's best results are loaded and re-ordered (below) before showing.
const SHOWN = 20;
// The data-pagefind-weight of each part of a story page (article.html); any other weight is
// the story's body. Listed in the order a result names them.
const REGIONS = [[10, "tên"], [7, "tiêu đề"], [4, "tóm tắt"]];
const BODY = "nội dung bài";

let pagefind;
let timer;
let latest = 0;

async function load() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    await pagefind.options({ baseUrl: root.pathname });
    const filters = await pagefind.filters();
    for (const select of selects) {
      const values = Object.keys(filters[select.dataset.filter] || {});
      values.sort((a, b) => a.localeCompare(b, "vi"));
      for (const value of values) select.add(new Option(value, value));
    }
  }
  return pagefind;
}

// As readers type without marks: lowercase, đ → d, tones and vowel marks dropped.
function fold(text) {
  return text.toLowerCase().replaceAll("đ", "d").normalize("NFD").replace(/\p{M}/gu, "")
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function contains(words, wanted, adjacent) {
  if (!wanted.length) return false;
  if (!adjacent) return wanted.every((w) => words.includes(w));
  return words.some((_, i) => wanted.every((w, j) => words[i + j] === w));
}

// Pagefind scores each word alone, so "nguyen thi lan" also ranks a page full of "nguyện",
// "thị" and "lần" highly. A story whose name (then title) holds the query's words, best as
// written together, comes first; Pagefind's score orders the rest.
function tier(item, query) {
  const name = fold(item.meta.ten || "");
  const title = fold(item.meta.title || "");
  if (contains(name, query, true)) return 4;
  if (contains(name, query, false)) return 3;
  if (contains(title, query, true)) return 2;
  if (contains(title, query, false)) return 1;
  return 0;
}

function matchedIn(item) {
  const weights = new Set(item.weighted_locations.map((location) => location.weight));
  const places = REGIONS.filter(([weight]) => weights.has(weight)).map(([, label]) => label);
  if ([...weights].some((weight) => !REGIONS.some(([w]) => w === weight))) places.push(BODY);
  return places;
}

function render(items, total, query) {
  list.replaceChildren();
  for (const item of items) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.meta.title || item.url;
    const heading = document.createElement("h2");
    heading.append(link);
    li.append(heading);
    if (item.meta.ngay) {
      const date = document.createElement("p");
      date.className = "meta";
      date.textContent = item.meta.ngay;
      li.append(date);
    }
    // The story's summary, not Pagefind's excerpt: an excerpt may fall on the folded words
    // ("duc dong …") that story pages carry for the index only.
    const summary = document.createElement("p");
    summary.textContent = item.meta["tom-tat"] || "";
    li.append(summary);
    const places = matchedIn(item);
    if (places.length) {
      const where = document.createElement("p");
      where.className = "meta matched";
      where.textContent = `Khớp ở: ${places.join(", ")}`;
      li.append(where);
    }
    list.append(li);
  }
  status.textContent = total
    ? `Tìm thấy ${total} bài cho “${query}”.`
    : `Không tìm thấy bài nào cho “${query}”.`;
}

function remember() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const select of selects) if (select.value) params.set(select.name, select.value);
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
}

async function run() {
  const asked = ++latest;
  const query = input.value.trim();
  const filters = {};
  for (const select of selects) if (select.value) filters[select.dataset.filter] = select.value;
  const api = await load();
  if (!query && !Object.keys(filters).length) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = "Đang tìm…";
  const search = await api.search(query || null, { filters });
  const items = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
  if (asked !== latest) return; // the reader typed on: a newer search owns the list
  const words = fold(query);
  const ranked = items.map((item, i) => [tier(item, words), -i, item]);
  ranked.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  render(ranked.map(([, , item]) => item), search.results.length, query || "bộ lọc đã chọn");
}

function now() {
  clearTimeout(timer);
  remember();
  run();
}

input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(now, DEBOUNCE_MS);
});
for (const select of selects) select.addEventListener("change", now);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  now();
});

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
load().then(() => {
  for (const select of selects) select.value = params.get(select.name) || "";
  // Only an address that carries a search runs one here; what the reader types runs its own.
  if (params.get("q") || selects.some((s) => s.value)) run();
});
