/* jx_diff_build: matching two documents and comparing them (diff.h). */
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ast.h"
#include "format.h"
#include "framework.h"
#include "funding.h"
#include "i18n.h"
#include "strmap.h"
#include "textdiff.h"
#include "units.h"
#include "utf8.h"

__extension__ typedef __int128 i128;

/* ---- names ------------------------------------------------------------- */

static bool digit(char c) { return c >= '0' && c <= '9'; }

const char *jx_diff_normalise_name(jx_arena *a, const char *name) {
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)name, 0, &mapped,
                                    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                        UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
  const char *s = n >= 0 ? (const char *)mapped : name;
  size_t len = strlen(s), o = 0;
  char *out = jx_arena_alloc(a, len + 1);
  for (size_t i = 0; i < len;) {
    if (digit(s[i])) {
      size_t j = i;
      while (j < len && digit(s[j])) j++;
      /* A year (19xx, 20xx) standing alone, and the 年 or 年度 after it. */
      if (j - i == 4 && ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))) {
        size_t t = j;
        while (t < len && s[t] == ' ') t++;
        if (!strncmp(s + t, "年度", strlen("年度")))
          j = t + strlen("年度");
        else if (!strncmp(s + t, "年", strlen("年")))
          j = t + strlen("年");
        i = j;
        continue;
      }
      memcpy(out + o, s + i, j - i);
      o += j - i;
      i = j;
      continue;
    }
    int32_t c;
    int k = jx_utf8_decode(s + i, len - i, &c);
    bool keep = true;
    if (c >= 0) {
      switch (utf8proc_category(c)) {
        case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
        case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
        case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
          keep = false;
          break;
        default:
          break;
      }
    }
    if (keep) {
      memcpy(out + o, s + i, (size_t)k);
      o += (size_t)k;
    }
    i += (size_t)k;
  }
  out[o] = '\0';
  free(mapped);
  return out;
}

/* A level name without its final 指标: 服务对象满意度 = 服务对象满意度指标. */
static const char *level_key(jx_arena *a, const char *level) {
  const char *n = jx_diff_normalise_name(a, level);
  size_t len = strlen(n), k = strlen("指标");
  if (len > k && !strcmp(n + len - k, "指标")) return jx_arena_strndup(a, n, len - k);
  return n;
}

/* ---- similarity: sorted sets of name bigrams and indicator names ------- */

typedef struct sig {
  uint64_t *grams;
  size_t ngrams;
  uint64_t *inds;
  size_t ninds;
} sig;

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static size_t sort_unique(uint64_t *v, size_t n) {
  if (!n) return 0;
  qsort(v, n, sizeof *v, cmp_u64);
  size_t w = 1;
  for (size_t i = 1; i < n; i++)
    if (v[i] != v[w - 1]) v[w++] = v[i];
  return w;
}

/* The bigrams of a normalised name's units: each character, and each run of
 * ASCII letters and digits as one unit (解答 12348 来电 is 解 答 12348 来 电),
 * so that a number added to a name does not count as five changes. A name
 * of one unit gives that unit alone. */
static void name_grams(jx_arena *a, const char *norm, sig *s) {
  size_t len = strlen(norm);
  uint32_t *units = jx_arena_alloc(a, (len + 1) * sizeof *units);
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)norm[i];
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      size_t j = i;
      while (j < len && ((norm[j] >= '0' && norm[j] <= '9') || (norm[j] >= 'a' && norm[j] <= 'z') ||
                         (norm[j] >= 'A' && norm[j] <= 'Z')))
        j++;
      units[n++] = 0x80000000u | (uint32_t)jx_hash_bytes(norm + i, j - i);
      i = j;
      continue;
    }
    int32_t cp;
    i += (size_t)jx_utf8_decode(norm + i, len - i, &cp);
    units[n++] = (uint32_t)cp;
  }
  s->grams = jx_arena_alloc(a, (n + 1) * sizeof *s->grams);
  size_t g = 0;
  if (n == 1) s->grams[g++] = ((uint64_t)units[0] << 32) | 0xFFFFFFFFu;
  for (size_t i = 0; i + 1 < n; i++) s->grams[g++] = ((uint64_t)units[i] << 32) | units[i + 1];
  s->ngrams = sort_unique(s->grams, g);
}

static size_t common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  size_t i = 0, j = 0, c = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else { c++; i++; j++; }
  }
  return c;
}

/* Dice coefficient of the bigrams, in per mille. */
static int name_alike(const sig *x, const sig *y) {
  if (!x->ngrams || !y->ngrams) return 0;
  return (int)(2000 * common(x->grams, x->ngrams, y->grams, y->ngrams) /
               (x->ngrams + y->ngrams));
}

/* How alike two projects are, per mille: name and indicator names. */
static int alike(const sig *x, const sig *y, size_t *shared) {
  int names = name_alike(x, y);
  *shared = 0;
  if (!x->ninds || !y->ninds) return names;
  *shared = common(x->inds, x->ninds, y->inds, y->ninds);
  int inds = (int)(1000 * *shared / (x->ninds + y->ninds - *shared));
  return (names + inds) / 2;
}

typedef struct sim_item {
  sig s;
  int group;    /* the same group (budget unit) lowers the bar */
  bool taken;
  long match;   /* out: the index matched on the other side, or -1 */
  int score;    /* out: per mille */
  size_t shared; /* out: indicator names in common */
} sim_item;

typedef struct cand {
  int score;
  size_t o, n, shared;
} cand;

static int by_score(const void *a, const void *b) {
  const cand *x = a, *y = b;
  if (x->score != y->score) return y->score - x->score;
  if (x->n != y->n) return x->n < y->n ? -1 : 1;
  return x->o < y->o ? -1 : x->o > y->o;
}

/* Postings longer than this are too common to point anywhere (经费, 项目). */
enum { POSTING_CAP = 64, CANDIDATES = 8 };

static void post(jx_arena *a, jx_strmap *index, char kind, uint64_t key, size_t item) {
  char *k = jx_arena_alloc(a, 9);
  k[0] = kind;
  memcpy(k + 1, &key, 8);
  void **slot = jx_strmap_slot(a, index, k, 9);
  jx_list *l = *slot;
  if (!l) *slot = l = jx_arena_alloc(a, sizeof *l);
  if (l->len <= POSTING_CAP) jx_list_push(a, l, (void *)(uintptr_t)item);
}

static const jx_list *postings(const jx_strmap *index, char kind, uint64_t key) {
  char k[9];
  k[0] = kind;
  memcpy(k + 1, &key, 8);
  const jx_list *l = jx_strmap_get(index, k, 9);
  return l && l->len <= POSTING_CAP ? l : NULL;
}

/* Pairs the items not yet taken by similarity, best pairs first. An old item
 * is a candidate for a new one when they share a name bigram or an indicator
 * name that few items have; a pair is accepted at same_min per mille within
 * a group, at other_min across groups. Linear in the items (each looks at a
 * bounded number of candidates), plus sorting the candidate pairs. */
static void match_similar(jx_arena *a, sim_item *olds, size_t no, sim_item *news, size_t nn,
                          int same_min, int other_min) {
  for (size_t i = 0; i < no; i++) olds[i].match = -1;
  for (size_t i = 0; i < nn; i++) news[i].match = -1;
  jx_strmap index = {0};
  for (size_t i = 0; i < no; i++) {
    if (olds[i].taken) continue;
    for (size_t g = 0; g < olds[i].s.ngrams; g++) post(a, &index, 'g', olds[i].s.grams[g], i);
    for (size_t g = 0; g < olds[i].s.ninds; g++) post(a, &index, 'i', olds[i].s.inds[g], i);
  }
  unsigned *hits = calloc(no + 1, sizeof *hits);
  size_t *touched = malloc((no + 1) * sizeof *touched);
  size_t ncand = 0, capcand = 64;
  cand *cands = malloc(capcand * sizeof *cands);
  if (!hits || !touched || !cands) abort();
  for (size_t n = 0; n < nn; n++) {
    if (news[n].taken) continue;
    size_t nt = 0;
    for (int pass = 0; pass < 2; pass++) {
      const sig *s = &news[n].s;
      size_t count = pass ? s->ninds : s->ngrams;
      for (size_t g = 0; g < count; g++) {
        const jx_list *l = postings(&index, pass ? 'i' : 'g', pass ? s->inds[g] : s->grams[g]);
        for (size_t k = 0; l && k < l->len; k++) {
          size_t o = (uintptr_t)l->items[k];
          if (!hits[o]++) touched[nt++] = o;
        }
      }
    }
    /* The few candidates with the most fragments in common. */
    for (size_t c = 0; c < CANDIDATES && c < nt; c++) {
      size_t best = c;
      for (size_t k = c + 1; k < nt; k++)
        if (hits[touched[k]] > hits[touched[best]] ||
            (hits[touched[k]] == hits[touched[best]] && touched[k] < touched[best]))
          best = k;
      size_t t = touched[c];
      touched[c] = touched[best];
      touched[best] = t;
      size_t o = touched[c], shared;
      int score = alike(&olds[o].s, &news[n].s, &shared);
      int min = olds[o].group >= 0 && olds[o].group == news[n].group ? same_min : other_min;
      if (score < min) continue;
      if (ncand == capcand) {
        cands = realloc(cands, (capcand *= 2) * sizeof *cands);
        if (!cands) abort();
      }
      cands[ncand++] = (cand){score, o, n, shared};
    }
    for (size_t k = 0; k < nt; k++) hits[touched[k]] = 0;
  }
  qsort(cands, ncand, sizeof *cands, by_score);
  for (size_t c = 0; c < ncand; c++) {
    sim_item *o = &olds[cands[c].o], *n = &news[cands[c].n];
    if (o->taken || n->taken) continue;
    o->taken = n->taken = true;
    o->match = (long)cands[c].n;
    n->match = (long)cands[c].o;
    o->score = n->score = cands[c].score;
    o->shared = n->shared = cands[c].shared;
  }
  free(cands);
  free(touched);
  free(hits);
}

/* ---- the two sides ------------------------------------------------------ */

typedef struct unit_rec unit_rec;

typedef struct proj_rec {
  const jx_project *p;
  unit_rec *unit;
  size_t index;
  const char *norm;
  struct proj_rec *match;
  jx_match_how how;
  int score;
  size_t shared;
  jx_diff_project *dp;
} proj_rec;

struct unit_rec {
  const jx_org *org;  /* the first 单位 line of it; NULL: projects outside any */
  size_t index;
  const char *norm;
  jx_list projects;   /* proj_rec * */
  unit_rec *match;
  jx_match_how how;
  jx_diff_unit *du;
};

typedef struct side_data {
  jx_diff_side *pub;
  jx_list units;      /* unit_rec * */
  jx_list projects;   /* proj_rec * */
  jx_list subs;       /* const jx_sub_target * */
  jx_list safeguards; /* const jx_safeguard * */
  jx_list allows;     /* const jx_allow *, at top level */
  const jx_node *header[JX_NODE_KIND_COUNT];
  jx_strmap unit_of_org; /* the org's address -> unit_rec * */
  jx_strmap unit_keys;   /* "c:code" or "n:name" -> unit_rec * */
  unit_rec *no_unit;
  const jx_framework_def *framework;
} side_data;

typedef struct builder {
  jx_ctx *ctx;
  jx_arena *a;
  jx_diff *d;
  side_data old, new;
  const jx_unit *show;  /* the unit amounts are shown in */
  jx_list unit_old, unit_new; /* unit_rec * or NULL, parallel to d->units */
  jx_strmap level_keys; /* a level name as written -> its key (they are few) */
  /* The first field of each kind of the two projects being compared (a
   * project has a dozen kinds; looking each up by a scan costs more). */
  const jx_node *fields_old[JX_NODE_KIND_COUNT], *fields_new[JX_NODE_KIND_COUNT];
  jx_arena *scratch;    /* what matching a project's rows needs only while it
                         * runs; reset for each project, so the memory is
                         * reused rather than grown */
} builder;

/* level_key, remembered: every row names its levels. */
static const char *level_key_of(builder *b, const char *level) {
  void **slot = jx_strmap_slot(b->a, &b->level_keys, level, strlen(level));
  if (!*slot) *slot = (void *)level_key(b->a, level);
  return *slot;
}

static unit_rec *unit_for(builder *b, side_data *s, const jx_org *org) {
  if (!org) {
    if (!s->no_unit) {
      s->no_unit = jx_arena_alloc(b->a, sizeof *s->no_unit);
      s->no_unit->index = s->units.len;
      s->no_unit->norm = "";
      jx_list_push(b->a, &s->units, s->no_unit);
    }
    return s->no_unit;
  }
  unit_rec *u = jx_strmap_get(&s->unit_of_org, (const char *)&org, sizeof org);
  if (u) return u;
  /* The same unit opened twice (by code, else by name) is one unit. */
  const char *norm = jx_diff_normalise_name(b->a, org->name.text);
  const char *key = org->code ? jx_arena_printf(b->a, "c:%s", org->code->text)
                              : jx_arena_printf(b->a, "n:%s", norm);
  void **slot = jx_strmap_slot(b->a, &s->unit_keys, key, strlen(key));
  if (!*slot) {
    u = jx_arena_alloc(b->a, sizeof *u);
    u->org = org;
    u->index = s->units.len;
    u->norm = norm;
    jx_list_push(b->a, &s->units, u);
    *slot = u;
  }
  u = *slot;
  const jx_org **addr = jx_arena_alloc(b->a, sizeof *addr);
  *addr = org;
  *jx_strmap_slot(b->a, &s->unit_of_org, (const char *)addr, sizeof org) = u;
  return u;
}

typedef struct collector {
  builder *b;
  side_data *s;
} collector;

static void collect(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  collector *c = data;
  builder *b = c->b;
  side_data *s = c->s;
  switch (item->kind) {
    case JX_NODE_AGENCY:
      unit_for(b, s, (const jx_org *)item);
      break;
    case JX_NODE_PROJECT: {
      const jx_project *p = (const jx_project *)item;
      proj_rec *r = jx_arena_alloc(b->a, sizeof *r);
      r->p = p;
      r->unit = unit_for(b, s, p->agency);
      r->index = s->projects.len;
      r->norm = jx_diff_normalise_name(b->a, p->name.text);
      jx_list_push(b->a, &s->projects, r);
      jx_list_push(b->a, &r->unit->projects, r);
      break;
    }
    case JX_NODE_SUB_TARGET: jx_list_push(b->a, &s->subs, item); break;
    case JX_NODE_SAFEGUARD: jx_list_push(b->a, &s->safeguards, item); break;
    case JX_NODE_ALLOW: jx_list_push(b->a, &s->allows, item); break;
    default:
      if (item->kind < JX_NODE_KIND_COUNT && !s->header[item->kind])
        s->header[item->kind] = item;
      break;
  }
}

/* Header items a document lacks, from its context (git: main.jx). */
static void collect_context(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  side_data *s = ((collector *)data)->s;
  switch (item->kind) {
    case JX_NODE_DEPARTMENT: case JX_NODE_YEAR: case JX_NODE_MONEY_UNIT:
    case JX_NODE_FRAMEWORK: case JX_NODE_REGION:
      if (!s->header[item->kind]) s->header[item->kind] = item;
      break;
    default:
      break;
  }
}

static void side_init(builder *b, side_data *s, jx_diff_side *pub, const jx_library *stdlib,
                      const jx_diff_input *in) {
  s->pub = pub;
  pub->path = in->path;
  pub->doc = in->doc;
  pub->lib = jx_library_for_document(b->ctx, stdlib, in->doc);
  collector c = {b, s};
  jx_document_items(in->doc, collect, &c);
  if (in->context) jx_document_items(in->context, collect_context, &c);
  const jx_org *dept = (const jx_org *)s->header[JX_NODE_DEPARTMENT];
  const jx_name_item *year = (const jx_name_item *)s->header[JX_NODE_YEAR];
  const jx_name_item *money = (const jx_name_item *)s->header[JX_NODE_MONEY_UNIT];
  const jx_text_item *fw = (const jx_text_item *)s->header[JX_NODE_FRAMEWORK];
  pub->department = dept ? dept->name.text : "";
  pub->year = year ? year->value.text : "";
  pub->budget_year = year ? atoi(year->value.text) : 0;
  pub->money_unit = "元";
  pub->money = jx_units_find(&pub->lib.units, "元");
  if (money) {
    const jx_unit *u = jx_units_find(&pub->lib.units, money->value.text);
    if (u && u->role && !strcmp(u->role, "money")) {
      pub->money = u;
      pub->money_unit = u->name;
    }
  }
  s->framework = jx_framework_find(&pub->lib.frameworks, fw ? fw->text.text : NULL);
  if (!s->framework) s->framework = jx_framework_find(&pub->lib.frameworks, NULL);
  pub->label = *pub->department || *pub->year
                   ? jx_arena_printf(b->a, "%s%s%s", pub->department,
                                     *pub->department && *pub->year ? " " : "", pub->year)
                   : pub->path;
}

/* ---- money -------------------------------------------------------------- */

/* An amount in 元; the side's money unit when it names none (or one that is
 * not money, which the checker reports). */
static jx_decimal to_base(const jx_diff_side *s, const jx_amount *a) {
  const jx_unit *u = a->unit ? jx_units_find(&s->lib.units, a->unit->text) : s->money;
  if (!u || !u->role || strcmp(u->role, "money")) u = s->money;
  jx_decimal v;
  if (!u || !jx_unit_to_base(u, a->value, &v)) return a->value;
  return v;
}

/* A value in 元 as shown: in the display unit, with two decimals at least
 * and more when it has them (nothing is rounded away). */
static const char *show_money(builder *b, jx_decimal base) {
  int k = 0;
  jx_decimal v = base;
  if (b->show && jx_decimal_power_of_ten(b->show->factor, &k)) jx_decimal_shift(base, -k, &v);
  v = jx_decimal_normalize(v);
  if (v.scale < 2) jx_decimal_rescale(v, 2, &v);
  char buf[JX_DECIMAL_BUFSIZE];
  return jx_arena_strdup(b->a, jx_decimal_format(v, buf));
}

/* Rounds num/den (den > 0) to `decimals` places, half away from zero, and
 * writes it with a sign. */
static const char *ratio_text(jx_arena *a, i128 num, i128 den, int decimals, bool sign) {
  for (int i = 0; i < decimals; i++) num *= 10;
  bool neg = num < 0;
  if (neg) num = -num;
  i128 q = num / den, r = num % den;
  if (2 * r >= den) q++;
  char digits[64];
  int n = 0;
  do {
    digits[n++] = (char)('0' + (int)(q % 10));
    q /= 10;
  } while (q > 0 || n <= decimals);
  char out[80];
  int o = 0;
  /* A change that rounds to zero shows no sign: "0.0", not "-0.0". */
  bool zero = true;
  for (int i = 0; i < n; i++) zero &= digits[i] == '0';
  if (neg && !zero) out[o++] = '-';
  else if (sign && !zero) out[o++] = '+';
  for (int i = n - 1; i >= 0; i--) {
    out[o++] = digits[i];
    if (i == decimals && decimals > 0) out[o++] = '.';
  }
  out[o] = '\0';
  return jx_arena_strdup(a, out);
}

/* Both values at one scale, as 128-bit integers. */
static void align(jx_decimal x, jx_decimal y, i128 *a, i128 *b) {
  int s = x.scale > y.scale ? x.scale : y.scale;
  *a = x.coef;
  *b = y.coef;
  for (int i = x.scale; i < s; i++) *a *= 10;
  for (int i = y.scale; i < s; i++) *b *= 10;
}

static void money_texts(builder *b, jx_diff_money *m) {
  m->old_text = m->has_old ? show_money(b, m->old_value) : "";
  m->new_text = m->has_new ? show_money(b, m->new_value) : "";
  m->change_text = m->percent_text = "";
  m->percent_exact = NULL;
  m->changed = m->in_old != m->in_new || m->has_old != m->has_new ||
               (m->has_old && jx_decimal_cmp(m->old_value, m->new_value) != 0);
  if (!m->has_old || !m->has_new) return;
  jx_decimal delta;
  if (jx_decimal_sub(m->new_value, m->old_value, &delta)) {
    const char *t = show_money(b, delta);
    m->change_text = jx_decimal_sign(delta) > 0 ? jx_arena_printf(b->a, "+%s", t) : t;
  }
  i128 o, n;
  align(m->old_value, m->new_value, &o, &n);
  if (o > 0) {
    /* (new - old) / old × 100, exact, then rounded. */
    m->percent_exact = ratio_text(b->a, (n - o) * 100, o, 2, false);
    m->percent_text = jx_arena_printf(b->a, "%s%%", ratio_text(b->a, (n - o) * 100, o, 1, true));
  }
}

static jx_diff_money *money_line(builder *b, jx_list *to, const char *label, const char *key,
                                 int depth) {
  jx_diff_money *m = jx_arena_alloc(b->a, sizeof *m);
  m->label = label;
  m->key = key;
  m->depth = depth;
  jx_list_push(b->a, to, m);
  return m;
}

static const char *source_name(const jx_fund_source *src) {
  if (src->kind == JX_SOURCE_FISCAL) return "财政资金";
  if (src->kind == JX_SOURCE_OTHER) return "其他资金";
  return src->name.text;
}

typedef struct money_walk {
  builder *b;
  const jx_diff_side *side;
  bool old;
  jx_list *lines;
  jx_strmap *by_key;
} money_walk;

static void put_amount(money_walk *w, const char *label, const char *key, int depth,
                       const jx_amount *a) {
  jx_diff_money *m = jx_strmap_get(w->by_key, key, strlen(key));
  if (!m) {
    m = money_line(w->b, w->lines, label, key, depth);
    *jx_strmap_slot(w->b->a, w->by_key, key, strlen(key)) = m;
  }
  if (w->old) {
    m->in_old = true;
    if (a) {
      m->has_old = true;
      m->old_value = to_base(w->side, a);
    }
  } else {
    m->in_new = true;
    if (a) {
      m->has_new = true;
      m->new_value = to_base(w->side, a);
    }
  }
}

static void put_sources(money_walk *w, const jx_list *sources, const char *prefix, int depth) {
  for (size_t i = 0; i < sources->len; i++) {
    const jx_fund_source *src = sources->items[i];
    const char *key = jx_arena_printf(w->b->a, "%s/%s", prefix, source_name(src));
    put_amount(w, source_name(src), key, depth, src->amount);
    put_sources(w, &src->parts, key, depth + 1);
  }
}

/* The lines of a project's budgets (预算, 中期预算, 资金总额) and their
 * sources on both sides: the new side's in order, then the old side's that
 * the new one lacks. */
static void project_money(builder *b, jx_diff_project *dp) {
  static const jx_node_kind kinds[] = {JX_NODE_BUDGET, JX_NODE_MEDIUM_BUDGET,
                                       JX_NODE_TOTAL_FUNDS};
  jx_strmap by_key = {0};
  for (int pass = 0; pass < 2; pass++) {
    const jx_project *p = pass ? dp->old : dp->new;
    if (!p) continue;
    money_walk w = {b, pass ? &b->d->old : &b->d->new, pass == 1, &dp->money, &by_key};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
      const jx_budget *bud = (const jx_budget *)(pass ? b->fields_old : b->fields_new)[kinds[k]];
      if (!bud) continue;
      const char *kw = jx_node_keyword(kinds[k]);
      put_amount(&w, kw, kw, 0, &bud->amount);
      put_sources(&w, &bud->sources, kw, 1);
    }
  }
  /* Keep each budget's lines together: the old-only lines were appended
   * after all the new ones, so order the list by budget, stably. */
  jx_list sorted = {0};
  for (size_t k = 0; k < 3; k++) {
    const char *kw = jx_node_keyword(kinds[k]);
    size_t kl = strlen(kw);
    for (size_t i = 0; i < dp->money.len; i++) {
      jx_diff_money *m = dp->money.items[i];
      if (!strncmp(m->key, kw, kl) && (m->key[kl] == '\0' || m->key[kl] == '/'))
        jx_list_push(b->a, &sorted, m);
    }
  }
  dp->money = sorted;
  for (size_t i = 0; i < dp->money.len; i++) {
    jx_diff_money *m = dp->money.items[i];
    money_texts(b, m);
    dp->money_changed |= m->changed;
  }
}

/* A side's totals of a list of projects: budget, fiscal and other funds as
 * the forms' 财政资金 and 其他资金 columns count them. */
typedef struct totals {
  jx_decimal budget, fiscal, other;
  bool has_budget, has_fiscal, has_other;
} totals;

static void add_to(jx_decimal *sum, bool *has, jx_decimal v) {
  if (!jx_decimal_add(*sum, v, sum)) *sum = v; /* beyond exact range: keep the last */
  *has = true;
}

static void count_project(const jx_diff_side *s, const jx_project *p, totals *t) {
  const jx_budget *bud = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
  if (!bud) return;
  add_to(&t->budget, &t->has_budget, to_base(s, &bud->amount));
  for (size_t i = 0; i < bud->sources.len; i++) {
    const jx_fund_source *src = bud->sources.items[i];
    if (!src->amount) continue;
    jx_funds_kind k = jx_fund_source_kind(&s->lib.sources, src);
    if (k == JX_FUNDS_FISCAL) add_to(&t->fiscal, &t->has_fiscal, to_base(s, src->amount));
    if (k == JX_FUNDS_OTHER) add_to(&t->other, &t->has_other, to_base(s, src->amount));
  }
}

static void totals_lines(builder *b, jx_list *to, const totals *o, bool in_old,
                         const totals *n, bool in_new) {
  static const char *const labels[] = {"预算", "财政资金", "其他资金"};
  static const char *const keys[] = {"budget", "fiscal", "other"};
  for (int i = 0; i < 3; i++) {
    jx_diff_money *m = money_line(b, to, labels[i], keys[i], i ? 1 : 0);
    m->in_old = in_old;
    m->in_new = in_new;
    m->has_old = i == 0 ? o->has_budget : i == 1 ? o->has_fiscal : o->has_other;
    m->has_new = i == 0 ? n->has_budget : i == 1 ? n->has_fiscal : n->has_other;
    m->old_value = i == 0 ? o->budget : i == 1 ? o->fiscal : o->other;
    m->new_value = i == 0 ? n->budget : i == 1 ? n->fiscal : n->other;
    /* A total of nothing is zero, not an empty cell, when the unit is there. */
    if (in_old && !m->has_old && i == 0) m->has_old = true;
    if (in_new && !m->has_new && i == 0) m->has_new = true;
    money_texts(b, m);
  }
}

/* ---- texts -------------------------------------------------------------- */

static jx_diff_text *text_change(builder *b, const char *label, const char *key,
                                 const char *o, const char *n) {
  if (o == n || (o && n && !strcmp(o, n))) return NULL;
  jx_diff_text *t = jx_arena_alloc(b->a, sizeof *t);
  t->label = label;
  t->key = key;
  t->old_text = o;
  t->new_text = n;
  if (o && n) jx_text_diff(b->a, o, n, &t->pieces);
  return t;
}

static void push_text(builder *b, jx_list *to, const char *label, const char *key,
                      const char *o, const char *n) {
  jx_diff_text *t = text_change(b, label, key, o, n);
  if (t) jx_list_push(b->a, to, t);
}

static const char *allows_text(builder *b, const jx_list *allows) {
  if (!allows->len) return NULL;
  const char *s = "";
  for (size_t i = 0; i < allows->len; i++) {
    const jx_allow *al = allows->items[i];
    const char *codes = "";
    for (size_t k = 0; k < al->codes.len; k++)
      codes = jx_arena_printf(b->a, "%s%s%s", codes, k ? ", " : "",
                              ((const jx_name *)al->codes.items[k])->text);
    s = jx_arena_printf(b->a, "%s%s%s “%s”", s, i ? "；" : "", codes, al->reason.text);
  }
  return s;
}

/* The text of a project field as the forms show it, or NULL when absent. */
static const char *field_text(builder *b, const jx_node *n) {
  if (!n) return NULL;
  switch (n->kind) {
    case JX_NODE_SUPERVISOR: {
      const jx_org *o = (const jx_org *)n;
      return o->code ? jx_arena_printf(b->a, "%s %s", o->code->text, o->name.text) : o->name.text;
    }
    case JX_NODE_PERIOD: {
      const jx_period *p = (const jx_period *)n;
      return jx_arena_printf(b->a, "%s至%s", p->from.text, p->to.text);
    }
    case JX_NODE_CONTACT: {
      const jx_contact *c = (const jx_contact *)n;
      return c->phone ? jx_arena_printf(b->a, "%s 电话 %s", c->name.text, c->phone->text)
                      : c->name.text;
    }
    case JX_NODE_SCHEDULE: {
      const jx_schedule *s = (const jx_schedule *)n;
      const char *t = "";
      for (size_t i = 0; i < s->stages.len; i++) {
        const jx_stage *st = s->stages.items[i];
        t = jx_arena_printf(b->a, "%s%s%s %s%s%s", t, i ? "；" : "", st->name.text,
                            jx_value_display(b->ctx, &st->when), st->description ? " " : "",
                            st->description ? st->description->text : "");
      }
      return t;
    }
    default:
      return ((const jx_text_item *)n)->text.text;
  }
}

static const struct {
  jx_node_kind kind;
  const char *label;
} project_fields[] = {
    {JX_NODE_CATEGORY, "项目类别"},       {JX_NODE_PROJECT_TYPE, "项目类型"},
    {JX_NODE_PERIOD, "项目期"},           {JX_NODE_SUPERVISOR, "主管部门及代码"},
    {JX_NODE_IMPLEMENTER, "实施单位"},    {JX_NODE_OVERSIGHT, "监督管理单位"},
    {JX_NODE_PARENT_PROJECT, "一级项目"}, {JX_NODE_FUNDS_NATURE, "资金性质"},
    {JX_NODE_CONTACT, "负责人"},          {JX_NODE_OVERVIEW, "项目概况"},
    {JX_NODE_LEGAL_BASIS, "立项依据"},    {JX_NODE_PURPOSE, "资金用途"},
    {JX_NODE_TARGET, "绩效目标"},         {JX_NODE_MEDIUM_TARGET, "中期目标"},
    {JX_NODE_SCHEDULE, "实施进度"},       {JX_NODE_NOTES, "其他说明"},
};

static void project_texts(builder *b, jx_diff_project *dp) {
  const jx_project *o = dp->old, *n = dp->new;
  for (size_t i = 0; i < sizeof project_fields / sizeof project_fields[0]; i++) {
    jx_node_kind k = project_fields[i].kind;
    push_text(b, &dp->texts, project_fields[i].label, jx_node_kind_name(k),
              field_text(b, b->fields_old[k]), field_text(b, b->fields_new[k]));
  }
  /* 栏目: by label, the new side's order, then what only the old has. A
   * label given twice (a template with two cells of one name) pairs its
   * cells in order: the first with the first, the second with the second. */
  jx_strmap labels[2] = {{0}, {0}}; /* label -> jx_list of its texts, old and new */
  for (int side = 0; side < 2; side++) {
    const jx_project *p = side ? n : o;
    for (size_t i = 0; i < p->fields.len; i++) {
      const jx_labelled *l = p->fields.items[i];
      if (l->base.kind != JX_NODE_LABELLED) continue;
      void **slot = jx_strmap_slot(b->a, &labels[side], l->label.text, strlen(l->label.text));
      if (!*slot) *slot = jx_arena_alloc(b->a, sizeof(jx_list));
      jx_list_push(b->a, *slot, (void *)l->text.text);
    }
  }
  for (int pass = 0; pass < 2; pass++) {
    const jx_project *p = pass ? o : n;
    const jx_strmap *other = &labels[pass ? 1 : 0];
    jx_strmap seen = {0}; /* label -> how many of p's cells of it so far */
    for (size_t i = 0; i < p->fields.len; i++) {
      const jx_labelled *l = p->fields.items[i];
      if (l->base.kind != JX_NODE_LABELLED) continue;
      size_t len = strlen(l->label.text);
      void **count = jx_strmap_slot(b->a, &seen, l->label.text, len);
      size_t k = (size_t)(uintptr_t)*count;
      *count = (void *)(uintptr_t)(k + 1);
      const jx_list *texts = jx_strmap_get(other, l->label.text, len);
      const char *there = texts && k < texts->len ? texts->items[k] : NULL;
      if (pass && there) continue; /* compared in the first pass */
      push_text(b, &dp->texts, l->label.text, "labelled_field", pass ? l->text.text : there,
                pass ? there : l->text.text);
    }
  }
  jx_list ao = {0}, an = {0};
  for (size_t i = 0; i < o->fields.len; i++)
    if (((const jx_node *)o->fields.items[i])->kind == JX_NODE_ALLOW)
      jx_list_push(b->a, &ao, o->fields.items[i]);
  for (size_t i = 0; i < n->fields.len; i++)
    if (((const jx_node *)n->fields.items[i])->kind == JX_NODE_ALLOW)
      jx_list_push(b->a, &an, n->fields.items[i]);
  push_text(b, &dp->texts, "允许", "allow", allows_text(b, &ao), allows_text(b, &an));
  push_text(b, &dp->texts, "所属类别", "section", o->section ? o->section->name.text : NULL,
            n->section ? n->section->name.text : NULL);
}

/* ---- spending plan ------------------------------------------------------ */

static void plan_of(const jx_node *const *fields, const char *out[13]) {
  for (int m = 0; m <= 12; m++) out[m] = NULL;
  const jx_plan *plan = (const jx_plan *)fields[JX_NODE_PLAN];
  if (!plan) return;
  for (size_t i = 0; i < plan->entries.len; i++) {
    const jx_plan_entry *e = plan->entries.items[i];
    if (e->month >= 1 && e->month <= 12) out[e->month] = e->percent_text;
  }
}

static void project_plan(builder *b, jx_diff_project *dp) {
  const char *o[13], *n[13];
  plan_of(b->fields_old, o);
  plan_of(b->fields_new, n);
  for (int m = 1; m <= 12; m++) {
    bool same = o[m] == n[m];
    if (o[m] && n[m]) {
      jx_decimal x, y;
      same = jx_decimal_parse(o[m], strlen(o[m]), &x) && jx_decimal_parse(n[m], strlen(n[m]), &y)
                 ? jx_decimal_cmp(x, y) == 0
                 : !strcmp(o[m], n[m]);
    }
    if (same) continue;
    jx_diff_month *dm = jx_arena_alloc(b->a, sizeof *dm);
    dm->month = m;
    dm->old_text = o[m];
    dm->new_text = n[m];
    jx_list_push(b->a, &dp->plan, dm);
  }
}

/* ---- indicator values --------------------------------------------------- */

/* A quantity in base units as num / den, and what it measures. */
typedef struct qv {
  jx_decimal num, den;
  const char *dim;
} qv;

static bool quantity_base(jx_arena *a, const jx_diff_side *s, const jx_quantity *q, qv *out) {
  out->num = q->number;
  out->den = jx_decimal_from_int(1);
  out->dim = "";
  const char *text = q->unit.text;
  if (!*text) return true;
  const char *dim = "";
  int index = 0;
  while (*text) {
    const char *slash = strchr(text, '/');
    size_t len = slash ? (size_t)(slash - text) : strlen(text);
    char *part = jx_arena_strndup(a, text, len);
    const jx_unit *u = jx_units_find(&s->lib.units, part);
    /* An unknown unit compares with itself only. */
    const char *base = u ? u->base : jx_arena_printf(a, "?%s", part);
    jx_decimal f = u ? u->factor : jx_decimal_from_int(1);
    if (!jx_decimal_mul(index ? out->den : out->num, f, index ? &out->den : &out->num))
      return false;
    dim = jx_arena_printf(a, "%s%s%s", dim, index ? "/" : "", base);
    index++;
    if (!slash) break;
    text = slash + 1;
  }
  out->dim = dim;
  return true;
}

/* <0, 0, >0: x against y, exactly; false when they cannot be compared. */
static bool qv_cmp(const qv *x, const qv *y, int *c) {
  if (strcmp(x->dim, y->dim)) return false;
  jx_decimal l, r;
  if (!jx_decimal_mul(x->num, y->den, &l) || !jx_decimal_mul(y->num, x->den, &r)) {
    /* Beyond the exact range: compare as 128-bit integers. */
    i128 a, b2, c2, d2;
    align(x->num, y->num, &a, &b2);
    align(x->den, y->den, &c2, &d2);
    i128 lhs = a * d2, rhs = b2 * c2;
    *c = lhs < rhs ? -1 : lhs > rhs;
    return true;
  }
  *c = jx_decimal_cmp(l, r);
  return true;
}

static int family(jx_sign s) {
  return s == JX_SIGN_GE || s == JX_SIGN_GT ? 1 : s == JX_SIGN_LE || s == JX_SIGN_LT ? -1 : 0;
}

static bool strict(jx_sign s) { return s == JX_SIGN_GT || s == JX_SIGN_LT; }

/* What decides whether a number is better higher or lower. */
typedef struct orientation {
  bool lower_better;    /* 逆向指标 (a bad-event rate) or a cost */
  const char *what;     /* "cost", "bad-event rate (逆向指标 事故发生率)" */
} orientation;

static void set_dir(jx_diff_value *v, jx_direction d, const char *why) {
  v->changed = true;
  v->direction = d;
  v->why = why;
}

static void compare_quantity(builder *b, const jx_quantity *o, const jx_quantity *n,
                             const orientation *or, jx_diff_value *v) {
  /* Written the same: the same (most rows, quickly). */
  if (o->sign == n->sign && o->placeholder == n->placeholder &&
      !strcmp(o->number_text, n->number_text) && !strcmp(o->unit.text, n->unit.text))
    return;
  if (o->placeholder || n->placeholder) {
    if (o->placeholder && n->placeholder && !strcmp(o->number_text, n->number_text) &&
        !strcmp(o->unit.text, n->unit.text) && o->sign == n->sign)
      return;
    set_dir(v, JX_DIR_OTHER, n->placeholder ? (o->placeholder ? _("the placeholder changed")
                                                              : _("a placeholder replaced the value"))
                                            : _("the placeholder was filled in"));
    return;
  }
  qv x, y;
  int c;
  if (!quantity_base(b->a, &b->d->old, o, &x) || !quantity_base(b->a, &b->d->new, n, &y) ||
      !qv_cmp(&y, &x, &c)) {
    set_dir(v, JX_DIR_OTHER,
            jx_arena_printf(b->a, _("measured in %s instead of %s"), *n->unit.text ? n->unit.text : _("no unit"),
                            *o->unit.text ? o->unit.text : _("no unit")));
    return;
  }
  int fo = family(o->sign), fn = family(n->sign);
  if (fo != fn) {
    set_dir(v, JX_DIR_OTHER,
            jx_arena_printf(b->a, _("the comparison changed from %s to %s"),
                            *jx_sign_text(o->sign) ? jx_sign_text(o->sign) : "＝",
                            *jx_sign_text(n->sign) ? jx_sign_text(n->sign) : "＝"));
    return;
  }
  if (c == 0) {
    if (fn != 0 && strict(o->sign) != strict(n->sign))
      set_dir(v, strict(n->sign) ? JX_DIR_TIGHTER : JX_DIR_LOOSER,
              strict(n->sign) ? _("a strict bound instead of an inclusive one")
                              : _("an inclusive bound instead of a strict one"));
    return;
  }
  bool higher_better = !or->lower_better && fn >= 0;
  bool tighter = (c > 0) == higher_better;
  const char *why;
  if (or->lower_better)
    why = jx_arena_printf(b->a, c < 0 ? _("a lower %s") : _("a higher %s"), or->what);
  else if (fn > 0)
    why = c > 0 ? _("a higher minimum (≥)") : _("a lower minimum (≥)");
  else if (fn < 0)
    why = c < 0 ? _("a lower maximum (≤)") : _("a higher maximum (≤)");
  else
    why = c > 0 ? _("a higher target") : _("a lower target");
  set_dir(v, tighter ? JX_DIR_TIGHTER : JX_DIR_LOOSER, why);
}

static int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && y && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return days[(m - 1) % 12];
}

/* A date as a number that orders dates, its year counted from the budget
 * year: 2024年12月31日 in the 2024 document equals 2025年12月31日 in the
 * 2025 one. A year alone is its end; a month alone its end. */
static long date_ord(const jx_date *d, int budget_year) {
  int year = d->year ? d->year : budget_year;
  long y = d->year && budget_year ? d->year - budget_year : d->year ? d->year : 0;
  int m = d->month ? d->month : 12;
  int day = d->day ? d->day : days_in_month(year, m);
  return (y * 13 + m) * 32 + day;
}

/* The same date written the same way: equal whatever the budget years. */
static bool same_date(const jx_date *x, const jx_date *y) {
  return x->year == y->year && x->month == y->month && x->day == y->day &&
         x->month_end == y->month_end;
}

/* Two dates compared: 0 when they are the same (as written, or relative to
 * their budget years: 2024年12月31日 in the 2024 document and 2025年12月31日
 * in the 2025 one are a recurring project's same deadline). */
static long date_cmp(const jx_date *x, int yx, const jx_date *y, int yy) {
  if (same_date(x, y)) return 0;
  return date_ord(y, yy) - date_ord(x, yx);
}

/* The values as the forms show them, for an indicator that is reported. */
static void value_texts(builder *b, const jx_value *o, const jx_value *n, jx_diff_value *v) {
  v->old_text = o ? jx_value_display(b->ctx, o) : NULL;
  v->new_text = n ? jx_value_display(b->ctx, n) : NULL;
}

static void compare_values(builder *b, const jx_value *o, const jx_value *n,
                           const orientation *or, jx_diff_value *v) {
  if (!o || !n) {
    if (o || n) set_dir(v, JX_DIR_OTHER, o ? _("removed") : _("added"));
    return;
  }
  int yo = b->d->old.budget_year, yn = b->d->new.budget_year;
  if (o->kind != n->kind) {
    set_dir(v, JX_DIR_OTHER, _("a value of another kind"));
    return;
  }
  switch (n->kind) {
    case JX_VALUE_QUANTITY:
      compare_quantity(b, &o->quantity, &n->quantity, or, v);
      break;
    case JX_VALUE_RELATIVE:
      if (o->relative != n->relative)
        set_dir(v, JX_DIR_OTHER, _("another comparison with last year"));
      else if (o->has_quantity != n->has_quantity)
        set_dir(v, JX_DIR_OTHER, n->has_quantity ? _("a figure was added") : _("the figure was removed"));
      else if (n->has_quantity)
        compare_quantity(b, &o->quantity, &n->quantity, or, v);
      break;
    case JX_VALUE_DEADLINE: {
      long c = date_cmp(&o->date, yo, &n->date, yn);
      if (c)
        set_dir(v, c < 0 ? JX_DIR_TIGHTER : JX_DIR_LOOSER,
                c < 0 ? _("an earlier deadline") : _("a later deadline"));
      else if (o->has_quantity != n->has_quantity)
        set_dir(v, JX_DIR_OTHER, n->has_quantity ? _("a figure was added") : _("the figure was removed"));
      else if (n->has_quantity)
        compare_quantity(b, &o->quantity, &n->quantity, or, v);
      if (!v->changed && strcmp(o->date.wording, n->date.wording))
        set_dir(v, JX_DIR_OTHER, _("the wording changed"));
      break;
    }
    case JX_VALUE_MONTHLY:
      if (o->date.day != n->date.day)
        set_dir(v, n->date.day < o->date.day ? JX_DIR_TIGHTER : JX_DIR_LOOSER,
                n->date.day < o->date.day ? _("an earlier day of the month") : _("a later day of the month"));
      else if (strcmp(o->date.wording, n->date.wording))
        set_dir(v, JX_DIR_OTHER, _("the wording changed"));
      break;
    case JX_VALUE_PERIOD:
      if (date_cmp(&o->date, yo, &n->date, yn) || date_cmp(&o->until, yo, &n->until, yn))
        set_dir(v, JX_DIR_OTHER, _("another period"));
      break;
    case JX_VALUE_TEXT:
      if (strcmp(o->text.text, n->text.text)) set_dir(v, JX_DIR_OTHER, _("the text changed"));
      break;
    case JX_VALUE_NA:
    case JX_VALUE_BLANK:
      break;
  }
  if (!v->changed && strcmp(o->wording, n->wording))
    set_dir(v, JX_DIR_OTHER, _("the wording changed"));
}

/* ---- indicators --------------------------------------------------------- */

typedef struct ind_rec {
  const jx_row *row;
  const jx_group *group;
  const char *raw;       /* levels and name as written: most rows match so */
  const char *key, *name_norm, *l1; /* normalised, computed when needed */
  struct ind_rec *match;
  jx_match_how how;
  int score;
} ind_rec;

static void collect_rows(builder *b, const jx_project *p, jx_list *out) {
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_group *g = p->fields.items[i];
    if (g->base.kind != JX_NODE_GROUP) continue;
    for (size_t k = 0; k < g->rows.len; k++) {
      const jx_row *r = g->rows.items[k];
      ind_rec *ir = jx_arena_alloc(b->scratch, sizeof *ir);
      ir->row = r;
      ir->group = g;
      /* 中期: level1 \x1f level2 \x1f name, without printf (every row). */
      const char *parts[] = {g->medium_term ? "中期:" : "", g->level1.text, "\x1f",
                             r->level2.text, "\x1f", r->name.text};
      size_t lens[6], total = 0;
      for (int k2 = 0; k2 < 6; k2++) total += lens[k2] = strlen(parts[k2]);
      char *raw = jx_arena_alloc(b->scratch, total + 1);
      char *w = raw;
      for (int k2 = 0; k2 < 6; k2++) {
        memcpy(w, parts[k2], lens[k2]);
        w += lens[k2];
      }
      *w = '\0';
      ir->raw = raw;
      jx_list_push(b->scratch, out, ir);
    }
  }
}

/* The normalised keys of a row that did not match as written. */
static void normalise_row(builder *b, ind_rec *ir) {
  if (ir->key) return;
  ir->l1 = jx_arena_printf(b->scratch, "%s%s", ir->group->medium_term ? "中期:" : "",
                           level_key_of(b, ir->group->level1.text));
  ir->name_norm = jx_diff_normalise_name(b->scratch, ir->row->name.text);
  ir->key = jx_arena_printf(b->scratch, "%s\x1f%s\x1f%s", ir->l1, level_key_of(b, ir->row->level2.text),
                            ir->name_norm);
}

static void pair(ind_rec *o, ind_rec *n, jx_match_how how) {
  o->match = n;
  n->match = o;
  o->how = n->how = how;
}

/* Takes the first unmatched record of a list in a map. */
static ind_rec *take_first(const jx_strmap *m, const char *key) {
  jx_list *l = jx_strmap_get(m, key, strlen(key));
  for (size_t i = 0; l && i < l->len; i++) {
    ind_rec *r = l->items[i];
    if (!r->match) return r;
  }
  return NULL;
}

static void list_in(jx_arena *a, jx_strmap *m, const char *key, void *item) {
  void **slot = jx_strmap_slot(a, m, key, strlen(key));
  if (!*slot) *slot = jx_arena_alloc(a, sizeof(jx_list));
  jx_list_push(a, *slot, item);
}

/* The most rows compared pairwise by similarity under one first level. */
enum { SIMILAR_ROWS = 64 };

static void match_rows(builder *b, jx_list *olds, jx_list *news) {
  jx_strmap by_raw = {0}, by_key = {0}, by_name = {0}, new_names = {0};
  /* Levels and name as written, then normalised. */
  for (size_t i = 0; i < olds->len; i++) {
    ind_rec *r = olds->items[i];
    list_in(b->scratch, &by_raw, r->raw, r);
  }
  for (size_t i = 0; i < news->len; i++) {
    ind_rec *n = news->items[i];
    ind_rec *o = take_first(&by_raw, n->raw);
    if (o) pair(o, n, JX_MATCH_LEVEL);
  }
  for (size_t i = 0; i < olds->len; i++) {
    ind_rec *r = olds->items[i];
    if (r->match) continue;
    normalise_row(b, r);
    list_in(b->scratch, &by_key, r->key, r);
  }
  for (size_t i = 0; i < news->len; i++) {
    ind_rec *n = news->items[i];
    if (n->match) continue;
    normalise_row(b, n);
    ind_rec *o = take_first(&by_key, n->key);
    if (o) pair(o, n, JX_MATCH_LEVEL);
  }
  /* The same name under another level: when it is the only one each side. */
  for (size_t i = 0; i < olds->len; i++) {
    ind_rec *r = olds->items[i];
    if (!r->match) list_in(b->scratch, &by_name, r->name_norm, r);
  }
  for (size_t i = 0; i < news->len; i++) {
    ind_rec *r = news->items[i];
    if (!r->match) list_in(b->scratch, &new_names, r->name_norm, r);
  }
  for (size_t i = 0; i < news->len; i++) {
    ind_rec *n = news->items[i];
    if (n->match || !*n->name_norm) continue;
    jx_list *lo = jx_strmap_get(&by_name, n->name_norm, strlen(n->name_norm));
    jx_list *ln = jx_strmap_get(&new_names, n->name_norm, strlen(n->name_norm));
    if (lo && lo->len == 1 && ln && ln->len == 1) pair(lo->items[0], n, JX_MATCH_ONLY_NAME);
  }
  /* Similar names under the same first level. */
  size_t no = 0, nn = 0;
  ind_rec **ro = malloc((olds->len + 1) * sizeof *ro), **rn = malloc((news->len + 1) * sizeof *rn);
  if (!ro || !rn) abort();
  for (size_t i = 0; i < olds->len; i++)
    if (!((ind_rec *)olds->items[i])->match) ro[no++] = olds->items[i];
  for (size_t i = 0; i < news->len; i++)
    if (!((ind_rec *)news->items[i])->match) rn[nn++] = news->items[i];
  if (no && nn && no <= SIMILAR_ROWS && nn <= SIMILAR_ROWS) {
    cand *cands = malloc(no * nn * sizeof *cands);
    sig *so = malloc(no * sizeof *so), *sn = malloc(nn * sizeof *sn);
    if (!cands || !so || !sn) abort();
    for (size_t i = 0; i < no; i++) name_grams(b->scratch, ro[i]->name_norm, &so[i]);
    for (size_t i = 0; i < nn; i++) name_grams(b->scratch, rn[i]->name_norm, &sn[i]);
    size_t nc = 0;
    for (size_t j = 0; j < nn; j++)
      for (size_t i = 0; i < no; i++) {
        if (strcmp(ro[i]->l1, rn[j]->l1)) continue;
        int s = name_alike(&so[i], &sn[j]);
        if (s >= 600) cands[nc++] = (cand){s, i, j, 0};
      }
    qsort(cands, nc, sizeof *cands, by_score);
    for (size_t c = 0; c < nc; c++) {
      ind_rec *o = ro[cands[c].o], *n = rn[cands[c].n];
      if (o->match || n->match) continue;
      pair(o, n, JX_MATCH_SIMILAR);
      o->score = n->score = cands[c].score / 10;
    }
    free(cands);
    free(so);
    free(sn);
  }
  free(ro);
  free(rn);
}

static orientation orientation_of(builder *b, const jx_row *r, const jx_group *g) {
  orientation or = {false, NULL};
  const jx_diff_side *s = &b->d->new;
  const char *matched = NULL;
  if (jx_name_matches(&s->lib.frameworks.lower_is_better, r->name.text, &matched)) {
    or.lower_better = true;
    or.what = jx_arena_printf(b->a, _("bad-event rate (逆向指标 %s)"), matched);
    return or;
  }
  const jx_framework_def *f = b->new.framework;
  const jx_fw_group *grp = f && !g->flat ? jx_framework_group(f, g->level1.text) : NULL;
  const jx_fw_level *lvl = grp ? jx_framework_level(grp, r->level2.text) : NULL;
  if (!lvl && f && !g->flat) {
    /* 成本指标 as a first level (2021): its rows are costs too. */
    if (grp && (!strcmp(grp->alias.text, "cost"))) {
      or.lower_better = true;
      or.what = _("cost");
    }
  }
  if (lvl && (!strcmp(lvl->alias.text, "cost") || !strcmp(lvl->alias.text, "economic-cost"))) {
    or.lower_better = true;
    or.what = _("cost");
  }
  return or;
}

static const char *row_name(const jx_row *r) {
  return r->blank_name ? "" : r->name.text;
}

/* The comparison of a row on both sides (or one); NULL when it is the same.
 * Built on the stack first: most rows are the same and cost nothing. */
static jx_diff_indicator *indicator(builder *b, const ind_rec *o, const ind_rec *n) {
  jx_diff_indicator tmp, *di = &tmp;
  memset(di, 0, sizeof *di);
  const ind_rec *m = n ? n : o;
  di->new = n ? n->row : NULL;
  di->old = o ? o->row : NULL;
  di->medium_term = m->group->medium_term;
  di->level1 = m->group->level1.text;
  di->level2 = m->row->level2.text;
  di->name = row_name(m->row);
  if (o) {
    di->old_level1 = o->group->level1.text;
    di->old_level2 = o->row->level2.text;
    di->old_name = row_name(o->row);
  }
  if (!o || !n) {
    di->status = o ? JX_DIFF_REMOVED : JX_DIFF_ADDED;
    di->how = JX_MATCH_NONE;
    di->match = "";
    di->value.changed = true;
    di->value.why = o ? "removed" : "added";
  } else {
    di->how = n->how;
    di->renamed = strcmp(di->name, di->old_name) != 0;
    di->moved = strcmp(level_key_of(b, di->level1), level_key_of(b, di->old_level1)) ||
                strcmp(level_key_of(b, di->level2), level_key_of(b, di->old_level2)) ||
                o->group->medium_term != n->group->medium_term;
    orientation or = orientation_of(b, n->row, n->group);
    compare_values(b, &o->row->value, &n->row->value, &or, &di->value);
    compare_values(b, o->row->long_term, n->row->long_term, &or, &di->long_term);
    if (di->renamed) push_text(b, &di->texts, "三级指标", "name", di->old_name, di->name);
    if (di->moved)
      push_text(b, &di->texts, "指标层级", "levels",
                jx_arena_printf(b->a, "%s%s › %s", o->group->medium_term ? "中期 " : "",
                                di->old_level1, di->old_level2),
                jx_arena_printf(b->a, "%s%s › %s", n->group->medium_term ? "中期 " : "",
                                di->level1, di->level2));
    const jx_row *ro = o->row, *rn = n->row;
    push_text(b, &di->texts, "绩效指标描述", "description",
              ro->description ? ro->description->text : NULL,
              rn->description ? rn->description->text : NULL);
    push_text(b, &di->texts, "指标值确定依据", "basis", ro->basis ? ro->basis->text : NULL,
              rn->basis ? rn->basis->text : NULL);
    push_text(b, &di->texts, "绩效标准", "standard", ro->standard ? ro->standard->text : NULL,
              rn->standard ? rn->standard->text : NULL);
    if (ro->allows.len || rn->allows.len)
      push_text(b, &di->texts, "允许", "allow", allows_text(b, &ro->allows),
                allows_text(b, &rn->allows));
    if (!di->value.changed && !di->long_term.changed && !di->texts.len) return NULL;
    di->status = JX_DIFF_CHANGED;
    di->match = n->how == JX_MATCH_LEVEL       ? _("same level and name")
                : n->how == JX_MATCH_ONLY_NAME ? _("same name, under another level")
                                               : jx_arena_printf(b->a, _("probably renamed from “%s” (%d%% alike)"),
                                                                 di->old_name, n->score);
  }
  di = jx_arena_alloc(b->a, sizeof *di);
  *di = tmp;
  value_texts(b, o ? &o->row->value : NULL, n ? &n->row->value : NULL, &di->value);
  if (o && n) value_texts(b, o->row->long_term, n->row->long_term, &di->long_term);
  return di;
}

static void project_indicators(builder *b, jx_diff_project *dp) {
  jx_arena_reset(b->scratch);
  jx_list olds = {0}, news = {0};
  if (dp->old) collect_rows(b, dp->old, &olds);
  if (dp->new) collect_rows(b, dp->new, &news);
  if (dp->old && dp->new) match_rows(b, &olds, &news);
  for (size_t i = 0; i < news.len; i++) {
    ind_rec *n = news.items[i];
    jx_diff_indicator *di = indicator(b, n->match, n);
    if (!di) {
      dp->ind_same++;
      continue;
    }
    jx_list_push(b->a, &dp->indicators, di);
    if (di->status == JX_DIFF_ADDED)
      dp->ind_added++;
    else if (di->value.direction == JX_DIR_TIGHTER)
      dp->ind_tighter++;
    else if (di->value.direction == JX_DIR_LOOSER)
      dp->ind_looser++;
    else
      dp->ind_other++;
  }
  for (size_t i = 0; i < olds.len; i++) {
    ind_rec *o = olds.items[i];
    if (o->match) continue;
    jx_list_push(b->a, &dp->indicators, indicator(b, o, NULL));
    dp->ind_removed++;
  }
}

/* ---- projects ----------------------------------------------------------- */

static const char *code_of(const jx_project *p) { return p && p->code ? p->code->text : ""; }

static const char *match_phrase(builder *b, const proj_rec *o, const proj_rec *n) {
  const jx_diff_side *os = &b->d->old;
  const char *year = *os->year ? os->year : _("the old document");
  const char *old_id = o->p->code ? o->p->code->text : jx_arena_printf(b->a, "“%s”", o->p->name.text);
  switch (n->how) {
    case JX_MATCH_PINNED: return _("paired by --match");
    case JX_MATCH_CODE: return _("same code");
    case JX_MATCH_NAME:
      return strcmp(code_of(o->p), code_of(n->p)) && o->p->code
                 ? jx_arena_printf(b->a, _("same name; %s in %s"), old_id, year)
                 : _("same name");
    case JX_MATCH_CODE_YEAR:
      return jx_arena_printf(b->a, _("same code but its year; %s in %s"), old_id, year);
    case JX_MATCH_MOVED_NAME:
      return jx_arena_printf(b->a, _("same name, in another budget unit; %s in %s"), old_id, year);
    case JX_MATCH_SIMILAR:
      return jx_arena_printf(b->a, _("probably renamed from “%s” (%s in %s; %d%% alike%s)"),
                             o->p->name.text, old_id, year, n->score,
                             n->shared ? jx_arena_printf(b->a, _(", %zu indicators the same"), n->shared)
                                       : "");
    default: return "";
  }
}

/* The first field of each kind of p (or none), in fields. */
static void index_fields(const jx_project *p, const jx_node **fields) {
  memset(fields, 0, JX_NODE_KIND_COUNT * sizeof *fields);
  for (size_t i = 0; p && i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind < JX_NODE_KIND_COUNT && !fields[f->kind]) fields[f->kind] = f;
  }
}

static jx_diff_project *compare_project(builder *b, proj_rec *o, proj_rec *n) {
  index_fields(o ? o->p : NULL, b->fields_old);
  index_fields(n ? n->p : NULL, b->fields_new);
  jx_diff_project *dp = jx_arena_alloc(b->a, sizeof *dp);
  dp->old = o ? o->p : NULL;
  dp->new = n ? n->p : NULL;
  const jx_project *m = n ? n->p : o->p;
  dp->code = code_of(m);
  dp->name = m->name.text;
  if (o) {
    dp->old_code = code_of(o->p);
    dp->old_name = o->p->name.text;
    dp->old_unit = o->unit->du;
  }
  if (n) dp->new_unit = n->unit->du;
  project_money(b, dp);
  project_indicators(b, dp);
  if (!o || !n) {
    dp->status = o ? JX_DIFF_REMOVED : JX_DIFF_ADDED;
    dp->how = JX_MATCH_NONE;
    dp->match = "";
    return dp;
  }
  dp->how = n->how;
  dp->score = n->score;
  dp->match = match_phrase(b, o, n);
  dp->renamed = strcmp(o->p->name.text, n->p->name.text) != 0;
  dp->recoded = strcmp(code_of(o->p), code_of(n->p)) != 0;
  dp->moved = o->unit->match != n->unit;
  if (dp->renamed) dp->name_diff = text_change(b, "项目名称", "name", o->p->name.text, n->p->name.text);
  project_plan(b, dp);
  project_texts(b, dp);
  bool changed = dp->renamed || dp->moved || dp->money_changed || dp->plan.len ||
                 dp->texts.len || dp->indicators.len;
  /* A new code alone is the year's new code of a recurring project: worth
   * showing, but it changes nothing in the targets. */
  dp->status = changed || dp->recoded ? JX_DIFF_CHANGED : JX_DIFF_SAME;
  return dp;
}

/* ---- matching ----------------------------------------------------------- */

static void pair_projects(proj_rec *o, proj_rec *n, jx_match_how how) {
  o->match = n;
  n->match = o;
  o->how = n->how = how;
}

static void pair_units(unit_rec *o, unit_rec *n, jx_match_how how) {
  o->match = n;
  n->match = o;
  o->how = n->how = how;
}

/* A pin's side: a project by code, else by name as written, else by
 * normalised name; NULL with *why when none or several. */
static proj_rec *find_pinned(builder *b, side_data *s, const char *what, const char *which,
                             const char **why) {
  proj_rec *found = NULL;
  int count = 0;
  for (int pass = 0; pass < 3 && !count; pass++) {
    const char *norm = pass == 2 ? jx_diff_normalise_name(b->a, what) : NULL;
    for (size_t i = 0; i < s->projects.len; i++) {
      proj_rec *r = s->projects.items[i];
      bool hit = pass == 0   ? r->p->code && !strcmp(r->p->code->text, what)
                 : pass == 1 ? !strcmp(r->p->name.text, what)
                             : *norm && !strcmp(r->norm, norm);
      if (hit && !count++) found = r;
    }
  }
  if (count == 1) return found;
  bool old = !strcmp(which, "old");
  if (count)
    *why = jx_arena_printf(b->a, old ? _("--match: the old document has %d projects named "
                                         "“%s”; name the project by its code")
                                     : _("--match: the new document has %d projects named "
                                         "“%s”; name the project by its code"),
                           count, what);
  else
    *why = jx_arena_printf(b->a, old ? _("--match: the old document has no project with the "
                                         "code or name “%s”; give a project's code, or its "
                                         "name as that document writes it")
                                     : _("--match: the new document has no project with the "
                                         "code or name “%s”; give a project's code, or its "
                                         "name as that document writes it"),
                           what);
  return NULL;
}

static bool apply_pins(builder *b, const jx_list *pins, const char **why) {
  for (size_t i = 0; pins && i < pins->len; i++) {
    const char *pin = pins->items[i];
    const char *eq = strchr(pin, '=');
    const char *ow = jx_arena_strndup(b->a, pin, (size_t)(eq - pin)), *nw = eq + 1;
    proj_rec *o = find_pinned(b, &b->old, ow, "old", why);
    if (!o) return false;
    proj_rec *n = find_pinned(b, &b->new, nw, "new", why);
    if (!n) return false;
    if (o->match || n->match) {
      *why = jx_arena_printf(b->a, _("--match: “%s” is paired twice; give each project once"),
                             o->match ? ow : nw);
      return false;
    }
    pair_projects(o, n, JX_MATCH_PINNED);
  }
  return true;
}

static void match_by_code(builder *b) {
  jx_strmap codes = {0};
  for (size_t i = 0; i < b->old.projects.len; i++) {
    proj_rec *r = b->old.projects.items[i];
    if (r->p->code && !r->match) list_in(b->a, &codes, r->p->code->text, r);
  }
  for (size_t i = 0; i < b->new.projects.len; i++) {
    proj_rec *n = b->new.projects.items[i];
    if (!n->p->code || n->match) continue;
    jx_list *l = jx_strmap_get(&codes, n->p->code->text, strlen(n->p->code->text));
    for (size_t k = 0; l && k < l->len; k++) {
      proj_rec *o = l->items[k];
      if (!o->match) {
        pair_projects(o, n, JX_MATCH_CODE);
        break;
      }
    }
  }
}

static int cmp_ptr(const void *a, const void *b) {
  uintptr_t x = (uintptr_t) * (void *const *)a, y = (uintptr_t) * (void *const *)b;
  return x < y ? -1 : x > y;
}

static void match_units(builder *b) {
  jx_strmap codes = {0}, names = {0};
  for (size_t i = 0; i < b->old.units.len; i++) {
    unit_rec *u = b->old.units.items[i];
    if (!u->org) continue;
    if (u->org->code) list_in(b->a, &codes, u->org->code->text, u);
    list_in(b->a, &names, u->norm, u);
  }
  /* The projects before any 单位 line, on both sides. */
  if (b->old.no_unit && b->new.no_unit) pair_units(b->old.no_unit, b->new.no_unit, JX_MATCH_NAME);
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < b->new.units.len; i++) {
      unit_rec *n = b->new.units.items[i];
      if (!n->org || n->match || (pass == 0 && !n->org->code)) continue;
      const char *key = pass == 0 ? n->org->code->text : n->norm;
      jx_list *l = jx_strmap_get(pass == 0 ? &codes : &names, key, strlen(key));
      for (size_t k = 0; l && k < l->len; k++) {
        unit_rec *o = l->items[k];
        /* By name only when the codes do not contradict it. */
        if (o->match || (pass == 1 && o->org->code && n->org->code)) continue;
        pair_units(o, n, pass == 0 ? JX_MATCH_CODE : JX_MATCH_NAME);
        break;
      }
    }
  /* Where the projects of a unit went (matched by code or pinned): most of
   * them to one unmatched unit means the unit itself went there. */
  for (size_t i = 0; i < b->old.units.len; i++) {
    unit_rec *o = b->old.units.items[i];
    if (o->match || !o->org) continue;
    size_t n = 0;
    void **to = malloc((o->projects.len + 1) * sizeof *to);
    if (!to) abort();
    for (size_t k = 0; k < o->projects.len; k++) {
      proj_rec *p = o->projects.items[k];
      if (p->match && !p->match->unit->match && p->match->unit->org) to[n++] = p->match->unit;
    }
    qsort(to, n, sizeof *to, cmp_ptr);
    void *best = NULL;
    size_t best_run = 0;
    for (size_t k = 0; k < n;) {
      size_t j = k;
      while (j < n && to[j] == to[k]) j++;
      if (j - k > best_run) {
        best_run = j - k;
        best = to[k];
      }
      k = j;
    }
    free(to);
    if (best && 2 * best_run > n) pair_units(o, best, JX_MATCH_PROJECTS);
  }
  /* Similar names, among the units still alone. */
  size_t no = b->old.units.len, nn = b->new.units.len;
  sim_item *so = jx_arena_alloc(b->a, (no + 1) * sizeof *so);
  sim_item *sn = jx_arena_alloc(b->a, (nn + 1) * sizeof *sn);
  for (size_t i = 0; i < no; i++) {
    unit_rec *u = b->old.units.items[i];
    so[i].taken = u->match || !u->org;
    so[i].group = -1;
    if (!so[i].taken) name_grams(b->a, u->norm, &so[i].s);
  }
  for (size_t i = 0; i < nn; i++) {
    unit_rec *u = b->new.units.items[i];
    sn[i].taken = u->match || !u->org;
    sn[i].group = -1;
    if (!sn[i].taken) name_grams(b->a, u->norm, &sn[i].s);
  }
  match_similar(b->a, so, no, sn, nn, 600, 600);
  for (size_t i = 0; i < nn; i++)
    if (sn[i].match >= 0)
      pair_units(b->old.units.items[sn[i].match], b->new.units.items[i], JX_MATCH_SIMILAR);
}

/* A code with its two year digits (after the six of the region) blanked:
 * 13080024P000006100495 and 13080025P000006100495 are one project's codes
 * in two years. NULL for a code too short to carry a year. */
static const char *code_without_year(jx_arena *a, const char *code) {
  if (strlen(code) < 10 || !digit(code[6]) || !digit(code[7])) return NULL;
  char *c = jx_arena_strdup(a, code);
  c[6] = c[7] = '#';
  return c;
}

static void match_projects(builder *b) {
  /* The same name in the matched unit; then the same code but its year. */
  for (int pass = 0; pass < 2; pass++) {
    jx_strmap keys = {0};
    for (size_t i = 0; i < b->old.projects.len; i++) {
      proj_rec *r = b->old.projects.items[i];
      if (r->match) continue;
      const char *k = pass == 0 ? r->norm : r->p->code ? code_without_year(b->a, r->p->code->text) : NULL;
      if (!k || !*k) continue;
      list_in(b->a, &keys, jx_arena_printf(b->a, "%zu\x1f%s", r->unit->index, k), r);
    }
    for (size_t i = 0; i < b->new.projects.len; i++) {
      proj_rec *n = b->new.projects.items[i];
      if (n->match || !n->unit->match) continue;
      const char *k = pass == 0 ? n->norm : n->p->code ? code_without_year(b->a, n->p->code->text) : NULL;
      if (!k || !*k) continue;
      const char *key = jx_arena_printf(b->a, "%zu\x1f%s", n->unit->match->index, k);
      jx_list *l = jx_strmap_get(&keys, key, strlen(key));
      for (size_t t = 0; l && t < l->len; t++) {
        proj_rec *o = l->items[t];
        if (o->match) continue;
        pair_projects(o, n, pass == 0 ? JX_MATCH_NAME : JX_MATCH_CODE_YEAR);
        break;
      }
    }
  }
  /* The same name anywhere, when each side has it once: moved. */
  jx_strmap olds = {0}, news = {0};
  for (size_t i = 0; i < b->old.projects.len; i++) {
    proj_rec *r = b->old.projects.items[i];
    if (!r->match && *r->norm) list_in(b->a, &olds, r->norm, r);
  }
  for (size_t i = 0; i < b->new.projects.len; i++) {
    proj_rec *r = b->new.projects.items[i];
    if (!r->match && *r->norm) list_in(b->a, &news, r->norm, r);
  }
  for (size_t i = 0; i < b->new.projects.len; i++) {
    proj_rec *n = b->new.projects.items[i];
    if (n->match || !*n->norm) continue;
    jx_list *lo = jx_strmap_get(&olds, n->norm, strlen(n->norm));
    jx_list *ln = jx_strmap_get(&news, n->norm, strlen(n->norm));
    if (lo && lo->len == 1 && ln && ln->len == 1)
      pair_projects(lo->items[0], n, JX_MATCH_MOVED_NAME);
  }
  /* Similar name and indicators. */
  size_t no = b->old.projects.len, nn = b->new.projects.len;
  sim_item *so = malloc((no + 1) * sizeof *so), *sn = malloc((nn + 1) * sizeof *sn);
  if (!so || !sn) abort();
  for (int side = 0; side < 2; side++) {
    side_data *s = side ? &b->new : &b->old;
    sim_item *items = side ? sn : so;
    for (size_t i = 0; i < s->projects.len; i++) {
      proj_rec *r = s->projects.items[i];
      sim_item *it = &items[i];
      memset(it, 0, sizeof *it);
      it->taken = r->match != NULL;
      it->group = side ? (r->unit->match ? (int)r->unit->match->index : -1) : (int)r->unit->index;
      if (it->taken) continue;
      name_grams(b->a, r->norm, &it->s);
      size_t count = 0;
      for (size_t f = 0; f < r->p->fields.len; f++) {
        const jx_group *g = r->p->fields.items[f];
        if (g->base.kind == JX_NODE_GROUP) count += g->rows.len;
      }
      it->s.inds = jx_arena_alloc(b->a, (count + 1) * sizeof *it->s.inds);
      size_t k = 0;
      for (size_t f = 0; f < r->p->fields.len; f++) {
        const jx_group *g = r->p->fields.items[f];
        if (g->base.kind != JX_NODE_GROUP) continue;
        for (size_t t = 0; t < g->rows.len; t++) {
          const char *nm = jx_diff_normalise_name(b->a, ((const jx_row *)g->rows.items[t])->name.text);
          if (*nm) it->s.inds[k++] = jx_hash_bytes(nm, strlen(nm));
        }
      }
      it->s.ninds = sort_unique(it->s.inds, k);
    }
  }
  match_similar(b->a, so, no, sn, nn, 500, 750);
  for (size_t i = 0; i < nn; i++) {
    if (sn[i].match < 0) continue;
    proj_rec *n = b->new.projects.items[i], *o = b->old.projects.items[sn[i].match];
    pair_projects(o, n, JX_MATCH_SIMILAR);
    o->score = n->score = sn[i].score / 10;
    o->shared = n->shared = sn[i].shared;
  }
  free(so);
  free(sn);
}

/* ---- header and part one ----------------------------------------------- */

static const char *header_text(builder *b, const side_data *s, jx_node_kind k) {
  const jx_node *n = s->header[k];
  if (!n) return NULL;
  switch (k) {
    case JX_NODE_DEPARTMENT: {
      const jx_org *o = (const jx_org *)n;
      return o->code ? jx_arena_printf(b->a, "%s %s", o->code->text, o->name.text) : o->name.text;
    }
    case JX_NODE_REGION: case JX_NODE_YEAR: case JX_NODE_MONEY_UNIT:
      return ((const jx_name_item *)n)->value.text;
    default:
      return ((const jx_text_item *)n)->text.text;
  }
}

static const char *sub_text(builder *b, const jx_sub_target *s) {
  const char *t = "";
  for (size_t i = 0; i < s->texts.len; i++) {
    const jx_text_item *x = s->texts.items[i];
    t = jx_arena_printf(b->a, "%s%s%s：%s", t, i ? "\n" : "",
                        x->base.kind == JX_NODE_SUB_TARGET_TEXT ? "目标" : "指标", x->text.text);
  }
  return t;
}

/* Matches titled items (分项目标, 保障措施) by normalised title, then by a
 * similar title, and pushes their changes. */
static void titled(builder *b, const jx_list *olds, const jx_list *news, bool subs) {
  size_t no = olds->len, nn = news->len;
  long *mo = jx_arena_alloc(b->a, (no + 1) * sizeof *mo), *mn = jx_arena_alloc(b->a, (nn + 1) * sizeof *mn);
  const char **to = jx_arena_alloc(b->a, (no + 1) * sizeof *to), **tn = jx_arena_alloc(b->a, (nn + 1) * sizeof *tn);
  for (size_t i = 0; i < no; i++) {
    mo[i] = -1;
    to[i] = subs ? ((const jx_sub_target *)olds->items[i])->title.text
                 : ((const jx_safeguard *)olds->items[i])->title.text;
  }
  for (size_t i = 0; i < nn; i++) {
    mn[i] = -1;
    tn[i] = subs ? ((const jx_sub_target *)news->items[i])->title.text
                 : ((const jx_safeguard *)news->items[i])->title.text;
  }
  jx_strmap by = {0};
  for (size_t i = 0; i < no; i++) {
    const char *k = jx_diff_normalise_name(b->a, to[i]);
    void **slot = jx_strmap_slot(b->a, &by, k, strlen(k));
    if (!*slot) *slot = (void *)(uintptr_t)(i + 1);
  }
  for (size_t i = 0; i < nn; i++) {
    const char *k = jx_diff_normalise_name(b->a, tn[i]);
    uintptr_t o = (uintptr_t)jx_strmap_get(&by, k, strlen(k));
    if (o && mo[o - 1] < 0) {
      mo[o - 1] = (long)i;
      mn[i] = (long)(o - 1);
    }
  }
  sim_item *so = jx_arena_alloc(b->a, (no + 1) * sizeof *so), *sn = jx_arena_alloc(b->a, (nn + 1) * sizeof *sn);
  for (size_t i = 0; i < no; i++) {
    so[i].taken = mo[i] >= 0;
    so[i].group = -1;
    name_grams(b->a, jx_diff_normalise_name(b->a, to[i]), &so[i].s);
  }
  for (size_t i = 0; i < nn; i++) {
    sn[i].taken = mn[i] >= 0;
    sn[i].group = -1;
    name_grams(b->a, jx_diff_normalise_name(b->a, tn[i]), &sn[i].s);
  }
  match_similar(b->a, so, no, sn, nn, 500, 500);
  for (size_t i = 0; i < nn; i++)
    if (sn[i].match >= 0) {
      mn[i] = sn[i].match;
      mo[sn[i].match] = (long)i;
    }
  const char *what = subs ? "分项目标" : "保障措施";
  const char *key = subs ? "sub_target" : "safeguard";
  for (size_t i = 0; i < nn; i++) {
    const void *n = news->items[i];
    const void *o = mn[i] >= 0 ? olds->items[mn[i]] : NULL;
    const char *label = jx_arena_printf(b->a, "%s“%s”", what, tn[i]);
    const char *nt = subs ? sub_text(b, n) : ((const jx_safeguard *)n)->text.text;
    const char *ot = !o ? NULL : subs ? sub_text(b, o) : ((const jx_safeguard *)o)->text.text;
    if (o && strcmp(to[mn[i]], tn[i]))
      push_text(b, &b->d->part_one, jx_arena_printf(b->a, "%s标题", what),
                jx_arena_printf(b->a, "%s_title", key), to[mn[i]], tn[i]);
    push_text(b, &b->d->part_one, label, key, ot, nt);
  }
  for (size_t i = 0; i < no; i++) {
    if (mo[i] >= 0) continue;
    const void *o = olds->items[i];
    push_text(b, &b->d->part_one, jx_arena_printf(b->a, "%s“%s”", what, to[i]), key,
              subs ? sub_text(b, o) : ((const jx_safeguard *)o)->text.text, NULL);
  }
}

static void header_and_part_one(builder *b) {
  static const jx_node_kind kinds[] = {JX_NODE_DEPARTMENT, JX_NODE_REGION, JX_NODE_YEAR,
                                       JX_NODE_MONEY_UNIT, JX_NODE_COMPILED_BY,
                                       JX_NODE_REVIEWED_BY, JX_NODE_FRAMEWORK};
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    push_text(b, &b->d->header, jx_node_keyword(kinds[i]), jx_node_kind_name(kinds[i]),
              header_text(b, &b->old, kinds[i]), header_text(b, &b->new, kinds[i]));
  push_text(b, &b->d->header, "允许", "allow", allows_text(b, &b->old.allows),
            allows_text(b, &b->new.allows));
  push_text(b, &b->d->part_one, "总体目标", "overall_target",
            header_text(b, &b->old, JX_NODE_OVERALL_TARGET),
            header_text(b, &b->new, JX_NODE_OVERALL_TARGET));
  titled(b, &b->old.subs, &b->new.subs, true);
  titled(b, &b->old.safeguards, &b->new.safeguards, false);
}

/* ---- assembling --------------------------------------------------------- */

static const char *unit_heading(builder *b, const jx_org *o) {
  if (!o) return _("(no budget unit)");
  return o->code ? jx_arena_printf(b->a, "%s %s", o->code->text, o->name.text) : o->name.text;
}

static jx_diff_unit *new_unit(builder *b, unit_rec *o, unit_rec *n) {
  jx_diff_unit *du = jx_arena_alloc(b->a, sizeof *du);
  du->old = o ? o->org : NULL;
  du->new = n ? n->org : NULL;
  const jx_org *m = n ? n->org : o->org;
  du->code = m && m->code ? m->code->text : "";
  du->name = m ? m->name.text : "";
  du->heading = unit_heading(b, m);
  du->status = !o ? JX_DIFF_ADDED : !n ? JX_DIFF_REMOVED : JX_DIFF_SAME;
  du->how = n ? n->how : JX_MATCH_NONE;
  if (o && n) {
    du->match = du->how == JX_MATCH_CODE       ? _("same code")
                : du->how == JX_MATCH_NAME     ? _("same name")
                : du->how == JX_MATCH_PROJECTS ? _("most of its projects are there")
                                               : _("similar name");
    const char *oh = unit_heading(b, o->org), *nh = du->heading;
    du->name_diff = text_change(b, "预算单位", "unit", oh, nh);
  } else {
    du->match = "";
  }
  if (o) o->du = du;
  if (n) n->du = du;
  jx_list_push(b->a, &b->d->units, du);
  jx_list_push(b->a, &b->unit_old, o);
  jx_list_push(b->a, &b->unit_new, n);
  return du;
}

static void tally(builder *b, jx_diff_unit *du, const jx_diff_project *dp) {
  jx_diff_counts *c = &b->d->counts;
  switch (dp->status) {
    case JX_DIFF_SAME: c->same++; du->same++; break;
    case JX_DIFF_ADDED: c->added++; du->added++; break;
    case JX_DIFF_REMOVED: c->removed++; du->removed++; break;
    case JX_DIFF_CHANGED: c->changed++; du->changed++; break;
  }
  c->renamed += dp->renamed;
  c->moved += dp->moved;
  du->moved_in += dp->moved;
  if (dp->moved && dp->old_unit && dp->old_unit != du)
    jx_list_push(b->a, &dp->old_unit->moved_out, (void *)dp);
  if (dp->status == JX_DIFF_ADDED || dp->status == JX_DIFF_REMOVED) return;
  c->ind_added += dp->ind_added;
  c->ind_removed += dp->ind_removed;
  c->ind_tighter += dp->ind_tighter;
  c->ind_looser += dp->ind_looser;
  c->ind_other += dp->ind_other;
  c->ind_same += dp->ind_same;
  du->ind_added += dp->ind_added;
  du->ind_removed += dp->ind_removed;
  du->ind_tighter += dp->ind_tighter;
  du->ind_looser += dp->ind_looser;
  du->ind_other += dp->ind_other;
  c->texts += (int)dp->texts.len + (dp->renamed ? 1 : 0);
  for (size_t i = 0; i < dp->indicators.len; i++)
    c->texts += (int)((const jx_diff_indicator *)dp->indicators.items[i])->texts.len;
}

jx_diff *jx_diff_build(jx_ctx *ctx, const jx_library *stdlib, const jx_diff_input *old,
                       const jx_diff_input *new, const jx_diff_options *opt,
                       const char **why) {
  builder b = {.ctx = ctx, .a = ctx->arena};
  b.scratch = jx_arena_new();
  if (!b.scratch) abort();
  b.d = jx_arena_alloc(ctx->arena, sizeof *b.d);
  jx_diff *d = b.d;
  side_init(&b, &b.old, &d->old, stdlib, old);
  side_init(&b, &b.new, &d->new, stdlib, new);
  /* Amounts are shown in the new document's money unit when it is a power
   * of ten of 元 (元, 万元, 亿元), else in 元. */
  int k;
  b.show = d->new.money && jx_decimal_power_of_ten(d->new.money->factor, &k)
               ? d->new.money
               : jx_units_find(&d->new.lib.units, "元");
  d->money_unit = b.show ? b.show->name : "元";
  if (!apply_pins(&b, opt->pins, why)) {
    jx_arena_free(b.scratch);
    return NULL;
  }
  match_by_code(&b);
  match_units(&b);
  match_projects(&b);
  header_and_part_one(&b);

  /* Units: the new document's in order, then those removed. */
  for (size_t i = 0; i < b.new.units.len; i++) {
    unit_rec *n = b.new.units.items[i];
    new_unit(&b, n->match, n);
  }
  for (size_t i = 0; i < b.old.units.len; i++) {
    unit_rec *o = b.old.units.items[i];
    if (!o->match) new_unit(&b, o, NULL);
  }
  /* Projects: each new one where it stands, each removed one in its old
   * unit's place in the new document (or the removed unit). */
  for (size_t i = 0; i < b.new.projects.len; i++) {
    proj_rec *n = b.new.projects.items[i];
    jx_diff_project *dp = compare_project(&b, n->match, n);
    tally(&b, n->unit->du, dp);
    if (dp->status != JX_DIFF_SAME) jx_list_push(b.a, &n->unit->du->projects, dp);
  }
  for (size_t i = 0; i < b.old.projects.len; i++) {
    proj_rec *o = b.old.projects.items[i];
    if (o->match) continue;
    jx_diff_project *dp = compare_project(&b, o, NULL);
    tally(&b, o->unit->du, dp);
    jx_list_push(b.a, &o->unit->du->projects, dp);
  }
  d->counts.old_projects = (int)b.old.projects.len;
  d->counts.new_projects = (int)b.new.projects.len;

  /* Totals of each unit and of the department. */
  totals all_o = {0}, all_n = {0};
  for (size_t i = 0; i < d->units.len; i++) {
    jx_diff_unit *du = d->units.items[i];
    totals to = {0}, tn = {0};
    unit_rec *uo = b.unit_old.items[i], *un = b.unit_new.items[i];
    for (size_t k2 = 0; uo && k2 < uo->projects.len; k2++) {
      const jx_project *p = ((proj_rec *)uo->projects.items[k2])->p;
      count_project(&d->old, p, &to);
      count_project(&d->old, p, &all_o);
    }
    for (size_t k2 = 0; un && k2 < un->projects.len; k2++) {
      const jx_project *p = ((proj_rec *)un->projects.items[k2])->p;
      count_project(&d->new, p, &tn);
      count_project(&d->new, p, &all_n);
    }
    du->old_projects = uo ? (int)uo->projects.len : 0;
    du->new_projects = un ? (int)un->projects.len : 0;
    totals_lines(&b, &du->money, &to, uo != NULL, &tn, un != NULL);
    bool money = false;
    for (size_t k2 = 0; k2 < du->money.len; k2++)
      money |= ((const jx_diff_money *)du->money.items[k2])->changed;
    if (du->status == JX_DIFF_SAME && (du->name_diff || du->projects.len || money))
      du->status = JX_DIFF_CHANGED;
    if (du->status == JX_DIFF_ADDED) d->counts.units_added++;
    if (du->status == JX_DIFF_REMOVED) d->counts.units_removed++;
  }
  totals_lines(&b, &d->money, &all_o, true, &all_n, true);
  d->differs = d->header.len || d->part_one.len;
  for (size_t i = 0; i < d->units.len; i++)
    d->differs |= ((const jx_diff_unit *)d->units.items[i])->status != JX_DIFF_SAME;
  jx_arena_free(b.scratch);
  return d;
}

/* ---- names for people and JSON ------------------------------------------ */

const char *jx_direction_name(jx_direction dir) {
  switch (dir) {
    case JX_DIR_TIGHTER: return "tightened";
    case JX_DIR_LOOSER: return "loosened";
    case JX_DIR_OTHER: return "changed";
    case JX_DIR_NONE: break;
  }
  return "none";
}

const char *jx_diff_status_name(jx_diff_status s) {
  switch (s) {
    case JX_DIFF_CHANGED: return "changed";
    case JX_DIFF_ADDED: return "added";
    case JX_DIFF_REMOVED: return "removed";
    case JX_DIFF_SAME: break;
  }
  return "same";
}

const char *jx_match_how_name(jx_match_how h) {
  switch (h) {
    case JX_MATCH_PINNED: return "pinned";
    case JX_MATCH_CODE: return "code";
    case JX_MATCH_NAME: return "name";
    case JX_MATCH_CODE_YEAR: return "code_but_year";
    case JX_MATCH_MOVED_NAME: return "name_in_other_unit";
    case JX_MATCH_SIMILAR: return "similar";
    case JX_MATCH_PROJECTS: return "projects";
    case JX_MATCH_LEVEL: return "level_and_name";
    case JX_MATCH_ONLY_NAME: return "name_under_other_level";
    case JX_MATCH_NONE: break;
  }
  return "none";
}
