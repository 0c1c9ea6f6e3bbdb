/* The sequence diff (Myers with a bound), the character-level text diff
 * `jxc diff` shows, and the unified line diff of `jxc format --diff`. */
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "textdiff.h"

/* Applies the edits to x and checks that they give y and cover both in
 * order; returns the number of symbols deleted or inserted. */
static size_t apply(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny,
                    const jx_edits *e) {
  size_t i = 0, j = 0, cost = 0;
  bool ok = true;
  for (size_t k = 0; k < e->len; k++) {
    const jx_edit *ed = &e->items[k];
    if (ed->len == 0) ok = false;
    if (k > 0 && e->items[k - 1].op == ed->op) ok = false; /* runs are merged */
    if (k > 0 && e->items[k - 1].op == JX_EDIT_INSERT && ed->op == JX_EDIT_DELETE)
      ok = false; /* deletions come first */
    switch (ed->op) {
      case JX_EDIT_EQUAL:
        if (ed->a != i || ed->b != j) ok = false;
        for (size_t t = 0; t < ed->len && ok; t++)
          if (i + t >= nx || j + t >= ny || x[i + t] != y[j + t]) ok = false;
        i += ed->len;
        j += ed->len;
        break;
      case JX_EDIT_DELETE:
        if (ed->a != i) ok = false;
        i += ed->len;
        cost += ed->len;
        break;
      case JX_EDIT_INSERT:
        if (ed->b != j) ok = false;
        j += ed->len;
        cost += ed->len;
        break;
    }
  }
  if (i != nx || j != ny) ok = false;
  CHECK(ok);
  return cost;
}

/* The shortest edit script's length by dynamic programming (LCS). */
static size_t lcs_cost(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny) {
  size_t *row = calloc(ny + 1, sizeof *row), *prev = calloc(ny + 1, sizeof *prev);
  for (size_t i = 1; i <= nx; i++) {
    for (size_t j = 1; j <= ny; j++)
      row[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1
               : row[j - 1] > prev[j] ? row[j - 1] : prev[j];
    size_t *t = prev;
    prev = row;
    row = t;
  }
  size_t l = prev[ny];
  free(row);
  free(prev);
  return nx + ny - 2 * l;
}

static char *pieces_text(jx_list *pieces) {
  static char buf[4096];
  buf[0] = '\0';
  for (size_t i = 0; i < pieces->len; i++) {
    const jx_text_piece *p = pieces->items[i];
    const char *open = p->op == JX_EDIT_DELETE ? "[-" : p->op == JX_EDIT_INSERT ? "{+" : "";
    const char *close = p->op == JX_EDIT_DELETE ? "-]" : p->op == JX_EDIT_INSERT ? "+}" : "";
    strcat(buf, open);
    strcat(buf, p->text);
    strcat(buf, close);
  }
  return buf;
}

static const char *tdiff(jx_arena *a, const char *x, const char *y) {
  jx_list pieces = {0};
  jx_text_diff(a, x, y, &pieces);
  /* The old text is the kept and removed pieces, the new the kept and added. */
  char old[4096] = "", neu[4096] = "";
  for (size_t i = 0; i < pieces.len; i++) {
    const jx_text_piece *p = pieces.items[i];
    if (p->op != JX_EDIT_INSERT) strcat(old, p->text);
    if (p->op != JX_EDIT_DELETE) strcat(neu, p->text);
    if (i && ((const jx_text_piece *)pieces.items[i - 1])->op == p->op) CHECK(!"adjacent pieces");
  }
  CHECK_STR(old, x);
  CHECK_STR(neu, y);
  return jx_arena_strdup(a, pieces_text(&pieces));
}

static char *unified(const char *x, const char *y, int context) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  jx_unified_diff("a/f.jx", x, strlen(x), "b/f.jx", y, strlen(y), context, out);
  fclose(out);
  return buf;
}

int main(void) {
  /* Random small sequences: always a correct script, and the shortest. */
  srand(1);
  for (int round = 0; round < 2000; round++) {
    uint32_t x[40], y[40];
    size_t nx = (size_t)(rand() % 40), ny = (size_t)(rand() % 40);
    uint32_t alphabet = 1 + (uint32_t)(rand() % 6);
    for (size_t i = 0; i < nx; i++) x[i] = (uint32_t)rand() % alphabet;
    for (size_t i = 0; i < ny; i++) y[i] = (uint32_t)rand() % alphabet;
    jx_edits e;
    jx_seq_diff(x, nx, y, ny, 0, &e);
    size_t cost = apply(x, nx, y, ny, &e);
    CHECK(e.shortest);
    if (cost != lcs_cost(x, nx, y, ny)) {
      fprintf(stderr, "round %d: cost %zu, shortest %zu\n", round, cost, lcs_cost(x, nx, y, ny));
      check_failures++;
    }
    free(e.items);
  }

  /* With a tiny work bound the script is still correct (anchors, then one
   * replacement), only not the shortest. */
  {
    enum { N = 5000 };
    uint32_t *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
    for (size_t i = 0; i < N; i++) {
      x[i] = (uint32_t)i;
      y[i] = i % 7 == 0 ? (uint32_t)(i + 100000) : (uint32_t)i;
    }
    jx_edits e;
    jx_seq_diff(x, N, y, N, 100, &e);
    apply(x, N, y, N, &e);
    CHECK(!e.shortest);
    /* The unique symbols anchor it: most of the sequence stays kept. */
    size_t kept = 0;
    for (size_t k = 0; k < e.len; k++)
      if (e.items[k].op == JX_EDIT_EQUAL) kept += e.items[k].len;
    CHECK(kept > N / 2);
    free(e.items);
    free(x);
    free(y);
  }

  /* Two large unrelated texts: bounded, correct, and quick. */
  {
    enum { N = 400000 };
    uint32_t *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
    for (size_t i = 0; i < N; i++) {
      x[i] = (uint32_t)rand() % 50;
      y[i] = (uint32_t)rand() % 50;
    }
    clock_t t0 = clock();
    jx_edits e;
    jx_seq_diff(x, N, y, N, 0, &e);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    apply(x, N, y, N, &e);
    if (secs > 5) {
      fprintf(stderr, "diff of two 400,000-symbol sequences took %.1f s\n", secs);
      check_failures++;
    }
    free(e.items);
    free(x);
    free(y);
  }

  jx_arena *a = jx_arena_new();
  /* Chinese character by character; numbers whole. */
  CHECK_STR(tdiff(a, "2024 年底前需支付", "2025 年底前需支付"), "[-2024-]{+2025+} 年底前需支付");
  CHECK_STR(tdiff(a, "补贴 22.5 万元", "补贴 25 万元"), "补贴 [-22.5-]{+25+} 万元");
  CHECK_STR(tdiff(a, "资金用于聘请律师值班", "资金用于聘请专职律师值班"),
            "资金用于聘请{+专职+}律师值班");
  CHECK_STR(tdiff(a, "提升群众法律意识", "增强群众法律意识"), "[-提升-]{+增强+}群众法律意识");
  /* A lone kept character between two changes folds into them. */
  CHECK_STR(tdiff(a, "甲乙丙", "丁乙戊"), "[-甲乙丙-]{+丁乙戊+}");
  CHECK_STR(tdiff(a, "", "新增"), "{+新增+}");
  CHECK_STR(tdiff(a, "删除", ""), "[-删除-]");
  CHECK_STR(tdiff(a, "相同", "相同"), "相同");
  CHECK_STR(tdiff(a, "J141 允许", "J143 允许"), "[-J141-]{+J143+} 允许");

  /* A huge text diff falls back gracefully and still reproduces both. */
  {
    size_t n = 300000;
    char *x = malloc(3 * n + 1), *y = malloc(3 * n + 1);
    for (size_t i = 0; i < n; i++) {
      const char *cx = (rand() % 2) ? "甲" : "乙", *cy = (rand() % 2) ? "甲" : "丙";
      memcpy(x + 3 * i, cx, 3);
      memcpy(y + 3 * i, cy, 3);
    }
    x[3 * n] = y[3 * n] = '\0';
    jx_list pieces = {0};
    clock_t t0 = clock();
    jx_text_diff(a, x, y, &pieces);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (secs > 5) {
      fprintf(stderr, "text diff of two 300,000-character texts took %.1f s\n", secs);
      check_failures++;
    }
    size_t lo = 0, ln = 0;
    for (size_t i = 0; i < pieces.len; i++) {
      const jx_text_piece *p = pieces.items[i];
      if (p->op != JX_EDIT_INSERT) lo += strlen(p->text);
      if (p->op != JX_EDIT_DELETE) ln += strlen(p->text);
    }
    CHECK_INT(lo, 3 * n);
    CHECK_INT(ln, 3 * n);
    free(x);
    free(y);
  }
  jx_arena_free(a);

  /* Unified diff: hunks with context, ranges as diff -u writes them. */
  char *u = unified("a\nb\nc\nd\ne\nf\ng\nh\ni\n", "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\n", 2);
  CHECK_STR(u, "--- a/f.jx\n+++ b/f.jx\n"
               "@@ -2,5 +2,5 @@\n b\n c\n-d\n+D\n e\n f\n"
               "@@ -8,2 +8,3 @@\n h\n i\n+j\n");
  free(u);
  u = unified("x\n", "", 3);
  CHECK_STR(u, "--- a/f.jx\n+++ b/f.jx\n@@ -1 +0,0 @@\n-x\n");
  free(u);
  u = unified("x\ny", "x\ny\n", 3);
  CHECK_STR(u, "--- a/f.jx\n+++ b/f.jx\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n");
  free(u);
  u = unified("same\n", "same\n", 3);
  CHECK(u == NULL || !*u);
  free(u);
  /* Changes close together share a hunk. */
  u = unified("1\n2\n3\n4\n5\n", "1\nX\n3\nY\n5\n", 1);
  CHECK_STR(u, "--- a/f.jx\n+++ b/f.jx\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n-4\n+Y\n 5\n");
  free(u);
  return CHECK_DONE();
}
