/* Part one against the tables (J174). The 指标 paragraph of a sub-target
 * (分项目标) restates figures of project indicators ("验收合格率达 95%");
 * when a project row of the same name states another figure in the same
 * unit, one of the two places was not updated.
 *
 * A figure is read from a clause of the paragraph as NAME VERB NUMBER
 * [UNIT], the verb being one of the words clerks use (达, 达到, 不低于,
 * 低于 …). The clause's name matches a row when the row's name, written
 * without spaces, is the longest ending of it that names any row: "安防设施
 * 项目验收合格率" matches the row "验收合格率". Row names shorter than four
 * characters are too generic ("满意度") to match. The rows are indexed by
 * name once, and each clause tries each of its endings: linear in the
 * text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "i18n.h"
#include "utf8.h"

enum { MIN_NAME_CHARS = 4 };

/* The length of the UTF-8 sequence that starts with byte b (the text is
 * valid UTF-8: the scanner checked it). */
static size_t step(char b) {
  unsigned char u = (unsigned char)b;
  return u < 0xC0 ? 1 : u < 0xE0 ? 2 : u < 0xF0 ? 3 : 4;
}

/* Words between an indicator's name and its figure. Longer words first:
 * 不低于 before 低于, 达到 before 达. */
static const char *const verbs[] = {"不低于", "不少于", "不高于", "不超过", "达到", "控制在",
                                    "低于",   "高于",   "少于",   "超过",   "达",   "为",
                                    "≥",      "≤",      ">=",     "<="};

/* Clause ends: a figure's name never spans them. */
static const char *const stops[] = {"，", "。", "；", "、", "：", ",", ";", ":", "\n"};

static size_t stop_at(const char *s) {
  for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
    size_t n = strlen(stops[i]);
    if (!strncmp(s, stops[i], n)) return n;
  }
  return 0;
}

/* A copy of [s, s+n) without ASCII and ideographic spaces, in arena a. */
static const char *squeeze(jx_arena *a, const char *s, size_t n) {
  char *out = jx_arena_alloc(a, n + 1);
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] == ' ' || s[i] == '\t') {
      i++;
    } else if (n - i >= 3 && !memcmp(s + i, "\xe3\x80\x80", 3)) {
      i += 3;
    } else {
      out[o++] = s[i++];
    }
  }
  out[o] = '\0';
  return out;
}

/* The figure in its unit's base unit (百分比 and ％ are both %), and that
 * base's name; a unit the library does not know stands for itself. */
static const char *in_base(jx_checker *c, const char *unit, jx_decimal n, jx_decimal *out) {
  if (!strcmp(unit, "％")) unit = "%";
  const jx_unit *u = *unit ? jx_units_find(&c->lib.units, unit) : NULL;
  if (u && jx_unit_to_base(u, n, out)) return u->base;
  *out = n;
  return unit;
}

/* A row and the project whose table it is in. */
typedef struct row_ref {
  const jx_row *row;
  const jx_project *project;
} row_ref;

const char *jx_part_one_row_key(jx_checker *c, jx_arena *a, const jx_row *r) {
  if (!c->row_index) return NULL;
  const jx_quantity *q = jx_value_quantity(&r->value);
  if (!q || q->placeholder || r->blank_name) return NULL;
  const char *key = squeeze(a, r->name.text, strlen(r->name.text));
  return jx_hash_get(&c->part_one_names, key, strlen(key)) ? key : NULL;
}

/* The rows of the projects that state a number, by name without spaces,
 * into c->rows_by_name: name -> jx_list of row_ref *, in c->row_index. The
 * projects are taken in document order, so that of two rows that differ
 * from a paragraph the first in the document is reported. */
static void index_rows(jx_checker *c) {
  jx_hash *by_name = &c->rows_by_name;
  jx_arena *a = c->row_index;
  for (size_t i = 0; i < c->projects.len; i++) {
    const jx_project *p = c->projects.items[i];
    for (size_t j = 0; j < p->fields.len; j++) {
      const jx_node *f = p->fields.items[j];
      if (f->kind != JX_NODE_GROUP) continue;
      const jx_group *g = (const jx_group *)f;
      for (size_t k = 0; k < g->rows.len; k++) {
        const jx_row *r = g->rows.items[k];
        const char *key = jx_part_one_row_key(c, a, r);
        if (!key) continue;
        bool added;
        jx_hash_slot *s = jx_hash_slot_of(by_name, key, strlen(key), &added);
        if (added) s->value = jx_arena_alloc(a, sizeof(jx_list)); /* zeroed: empty */
        row_ref *ref = jx_arena_alloc(a, sizeof *ref);
        *ref = (row_ref){r, p};
        jx_list_push(a, s->value, ref);
      }
    }
  }
}

/* The rows named by the longest ending of name that names any, or NULL. */
static const jx_list *rows_named(const jx_hash *by_name, const char *name) {
  for (const char *s = name; *s; s += step(*s)) {
    const jx_list *l = jx_hash_get(by_name, s, strlen(s));
    if (l) return l;
  }
  return NULL;
}

/* The longest known unit (or % ％) at s; "" when none. */
static const char *unit_at(jx_checker *c, const char *s) {
  if (*s == '%') return "%";
  if (!strncmp(s, "％", strlen("％"))) return "％";
  const char *best = "";
  size_t best_len = 0;
  for (size_t i = 0; i < c->lib.units.units.len; i++) {
    const jx_unit *u = c->lib.units.units.items[i];
    size_t n = strlen(u->name);
    if (n > best_len && !strncmp(s, u->name, n)) best = u->name, best_len = n;
  }
  return best;
}

typedef struct figure {
  const char *name;  /* without spaces */
  jx_decimal number;
  const char *unit;  /* "" when none */
  size_t offset, len; /* of "NUMBER UNIT" in the text */
} figure;

/* Reads the figure of the clause [start, end) of text, if it has one. */
static bool read_figure(jx_checker *c, const char *text, size_t start, size_t end,
                        figure *out) {
  for (size_t i = start; i < end; i += step(text[i])) {
    for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
      size_t vn = strlen(verbs[v]);
      if (i + vn > end || strncmp(text + i, verbs[v], vn)) continue;
      size_t j = i + vn;
      while (j < end && text[j] == ' ') j++;
      size_t k = j;
      while (k < end && ((text[k] >= '0' && text[k] <= '9') || text[k] == '.')) k++;
      if (k == j || text[k - 1] == '.' || i == start) return false;
      if (!jx_decimal_parse(text + j, k - j, &out->number)) return false;
      size_t u = k;
      while (u < end && text[u] == ' ') u++;
      out->unit = unit_at(c, text + u);
      out->name = squeeze(c->scratch, text + start, i - start);
      out->offset = j;
      out->len = u + strlen(out->unit) - j;
      return true;
    }
  }
  return false;
}

static void compare(jx_checker *c, const jx_sub_target *st, const jx_text_item *t,
                    const figure *fig, const jx_list *rows) {
  const row_ref *differs = NULL;
  jx_decimal said_base, row_base;
  const char *said_unit = in_base(c, fig->unit, fig->number, &said_base);
  for (size_t i = 0; i < rows->len; i++) {
    const row_ref *r = rows->items[i];
    const jx_quantity *q = jx_value_quantity(&r->row->value);
    if (strcmp(in_base(c, q->unit.text, q->number, &row_base), said_unit)) continue;
    if (jx_decimal_cmp(row_base, said_base) == 0) return;
    if (!differs) differs = r;
  }
  if (!differs) return;
  const jx_quantity *q = jx_value_quantity(&differs->row->value);
  const jx_project *p = differs->project;
  const char *said = jx_arena_strndup(c->ctx->arena, t->text.text + fig->offset, fig->len);
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J174",
                         jx_loc_in_string(&t->text, fig->offset, fig->len),
                         "The 指标 paragraph of sub-target \"%s\" gives %s for %s, but "
                         "project %s gives %s %s for its indicator %s.",
                         st->title.text, said, fig->name, jx_project_id(c->ctx->arena, p),
                         q->number_text, q->unit.text, jx_row_ref(c, differs->row));
  jx_diag_note_add(c->ctx, d, differs->row->value.loc, "the project's indicator is here");
  jx_diag_hint(c->ctx, d, "Part one restates the figures of the project tables: correct "
                          "whichever of the two is out of date so that both say the same.");
}

typedef void (*figure_fn)(jx_checker *c, const jx_sub_target *st, const jx_text_item *t,
                          const figure *fig, void *data);

/* Calls fn for each figure a clause of the paragraph t gives. */
static void each_figure(jx_checker *c, const jx_sub_target *st, const jx_text_item *t,
                        figure_fn fn, void *data) {
  const char *text = t->text.text;
  size_t start = 0;
  for (size_t i = 0;; ) {
    size_t n = text[i] ? stop_at(text + i) : 0;
    if (!text[i] || n) {
      figure fig;
      if (read_figure(c, text, start, i, &fig)) fn(c, st, t, &fig, data);
      if (!text[i]) break;
      i += n;
      start = i;
    } else {
      i += step(text[i]);
    }
  }
}

static void compare_figure(jx_checker *c, const jx_sub_target *st, const jx_text_item *t,
                           const figure *fig, void *data) {
  const jx_list *rows = rows_named(data, fig->name);
  if (rows) compare(c, st, t, fig, rows);
}

/* Every ending of the figure's name that is long enough to be a row's
 * name: only rows of such names are indexed (or kept in an outline). */
static void want_figure(jx_checker *c, const jx_sub_target *st, const jx_text_item *t,
                        const figure *fig, void *data) {
  (void)st, (void)t, (void)data;
  for (const char *s = fig->name; *s; s += step(*s)) {
    size_t n = strlen(s);
    if (jx_utf8_length(s, n) < MIN_NAME_CHARS) break;
    bool added;
    char *key = jx_arena_strndup(c->row_index, s, n);
    jx_hash_slot_of(&c->part_one_names, key, n, &added)->value = key;
  }
}

struct visit_data {
  jx_checker *c;
  figure_fn fn;
  void *data;
};

static void visit(jx_node *n, const jx_file *file, void *data) {
  (void)file;
  struct visit_data *v = data;
  if (n->kind != JX_NODE_SUB_TARGET) return;
  const jx_sub_target *st = (const jx_sub_target *)n;
  for (size_t i = 0; i < st->texts.len; i++) {
    const jx_text_item *t = st->texts.items[i];
    if (t->base.kind == JX_NODE_SUB_INDICATOR_TEXT) each_figure(v->c, st, t, v->fn, v->data);
  }
}

static void find_paragraph(jx_node *n, const jx_file *file, void *data) {
  (void)file;
  bool *any = data;
  if (n->kind != JX_NODE_SUB_TARGET) return;
  const jx_sub_target *st = (const jx_sub_target *)n;
  for (size_t i = 0; i < st->texts.len; i++)
    if (((const jx_node *)st->texts.items[i])->kind == JX_NODE_SUB_INDICATOR_TEXT) *any = true;
}

void jx_check_part_one_begin(jx_checker *c) {
  /* Most documents have no 指标 paragraph in part one: then the rows need
   * no index. */
  bool any = false;
  jx_document_items(c->doc, find_paragraph, &any);
  if (!any) return;
  c->row_index = jx_arena_new();
  if (!c->row_index) {
    fputs(_("jxc: out of memory\n"), stderr);
    abort();
  }
  jx_hash_init(&c->rows_by_name, 64);
  jx_hash_init(&c->part_one_names, 64);
  struct visit_data v = {c, want_figure, NULL};
  jx_document_items(c->doc, visit, &v);
  jx_arena_reset(c->scratch);
}

void jx_check_part_one(jx_checker *c) {
  if (!c->row_index) return;
  index_rows(c);
  if (c->rows_by_name.len) {
    struct visit_data v = {c, compare_figure, &c->rows_by_name};
    jx_document_items(c->doc, visit, &v);
  }
  jx_hash_free(&c->rows_by_name);
  jx_hash_free(&c->part_one_names);
  jx_arena_free(c->row_index);
  c->row_index = NULL;
  jx_arena_reset(c->scratch);
}
