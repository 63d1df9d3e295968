// Search page: Pagefind's JavaScript API over the index built after Pelican (make html).
// Loaded only by the search page. Pagefind matches words without tone marks; the story pages
// carry đ-words folded to d, so "duc" finds "Đức".
const root = new URL("../../", import.meta.url);
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const selects = [...form.querySelectorAll("select[data-filter]")];

let pagefind;

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

function render(items, total, query) {
  list.replaceChildren();
  for (const item of items) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.meta.title || item.url;
    const heading = document.createElement("h2");
    heading.append(link);
    // The story's summary, not Pagefind's excerpt: an excerpt may fall on the folded words
    // ("duc dong …") that story pages carry for the index only.
    const summary = document.createElement("p");
    summary.textContent = item.meta["tom-tat"] || "";
    li.append(heading);
    if (item.meta.ngay) {
      const date = document.createElement("p");
      date.className = "meta";
      date.textContent = item.meta.ngay;
      li.append(date);
    }
    li.append(summary);
    list.append(li);
  }
  status.textContent = total
    ? `Tìm thấy ${total} bài cho “${query}”.`
    : `Không tìm thấy bài nào cho “${query}”.`;
}

async function run() {
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
  const items = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  render(items, search.results.length, query || "bộ lọc đã chọn");
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const select of selects) if (select.value) params.set(select.name, select.value);
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
  run();
});

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
load().then(() => {
  for (const select of selects) select.value = params.get(select.name) || "";
  if (input.value || selects.some((s) => s.value)) run();
});
