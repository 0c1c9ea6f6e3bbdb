/* `jxc import`: an exchange XML document back into a jixiao syntax tree.
 *
 * How the document is read
 * ------------------------
 * The file is checked as bytes first (the encoding, decided over every
 * byte, then the search for a DTD; with a sink the pass over every byte
 * for UTF-8 runs on the builder's thread during the parse, and its verdict
 * comes first at the end). libxml2 then parses it as a stream of
 * SAX events and builds no tree: each event goes to the schema validator
 * (the handlers xmlSchemaSAXPlug hands out, called from here) and to the
 * builder below, so the document is parsed, validated and turned into a
 * syntax tree in one pass. Memory is the file's text, the syntax tree and
 * one small element at a time, never a DOM of the whole document.
 *
 * The root, AGENCY, SECTION, PROJECT and KPI_GROUP, which repeat without
 * bound, are followed event by event (containers). Every other element
 * under them (a DOC_HEAD, a BUDGET, one KPI) is collected into a small tree
 * of its own (xnode, in a scratch arena) and built once its end tag has
 * been read and validated: the builders only ever see complete, valid
 * elements and may rely on the schema, as they did on a DOM. With a sink
 * (a budget unit at a time), what is to be built is written down instead
 * and built on a second thread (see "the builder" below).
 *
 * What is reported is what reading the whole document first reported:
 *  - a file that is not well-formed gets one J310, libxml2's last error,
 *    and nothing else;
 *  - otherwise, a document that breaks the schema gets every J311 and
 *    nothing else (building stops at the first);
 *  - otherwise, the rules the schema cannot express (J312, J313), in
 *    document order.
 * J311, J312 and J313 are therefore held until the end decides which stand.
 *
 * Where a stream could differ from a DOM, it does not:
 *  - Lines. An element's line is where its start tag ends, taken from the
 *    parser when it reports the start tag: what a DOM stores, except that a
 *    DOM keeps 16 bits (65535 for every later line) and this the line. A
 *    schema error names the line of the element the validator stands on,
 *    as a DOM validation does, also when the error is found at the end tag
 *    (a missing child, a facet of the value).
 *  - Blanks. With XML_PARSE_NOBLANKS, libxml2 drops whitespace that it
 *    judges ignorable by looking at the children the current DOM node
 *    already has (areBlanks in parser.c). Here ctxt->node points to a
 *    stand-in element whose first and last child say whether the element's
 *    children so far are text, so libxml2 decides exactly as with a DOM;
 *    what it drops, neither the validator nor the builder sees.
 *  - Length. A text node of more than XML_MAX_TEXT_LENGTH bytes stops the
 *    parse as libxml2's tree builder does (xmlSAX2Characters), with the
 *    same outcome. */
#include "xml_read.h"

#include <errno.h>
#include <pthread.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "format.h"
#include "i18n.h"
#include "parse_state.h"
#include "utf8.h"
#include "xml_write.h"

/* --- one element, collected ---------------------------------------------- */

typedef struct xattr {
  const char *name; /* local name */
  const char *value;
  struct xattr *next;
} xattr;

/* An element of a collected subtree: only elements, in document order. */
typedef struct xnode {
  const char *name; /* local name, from the parser's dictionary */
  int line;         /* where its start tag ends */
  const char *text; /* its own character data (text and CDATA), "" if none */
  xattr *attrs;
  struct xnode *children, *last, *next;
} xnode;

typedef const xnode *xml_el;

static void out_of_memory(void) {
  fputs(_("jxc: out of memory\n"), stderr);
  abort();
}

/* --- the reader ------------------------------------------------------------ */

/* What an open element is to the builder. */
typedef enum {
  ROLE_NONE, /* nothing: the document is no longer being built */
  ROLE_ROOT,
  ROLE_AGENCY,
  ROLE_SECTION,
  ROLE_PROJECT,
  ROLE_GROUP,
  ROLE_COLLECT /* part of a collected subtree */
} role;

/* The kind of a child as a DOM would hold it (areBlanks and the text
 * length limit look at the first and the last child). */
typedef enum { KID_NONE, KID_TEXT, KID_CDATA, KID_OTHER } kid;

typedef struct frame {
  int line;
  role role;
  kid first, last;
  size_t run;   /* bytes of the text (or CDATA) node the last child is */
  xnode *node;  /* ROLE_COLLECT: the element's node */
  char *text;   /* ROLE_COLLECT: its character data so far (malloc'd, and */
  size_t len, cap; /* kept for the next element at this depth) */
} frame;

/* A finding held until the end of the document decides whether it stands. */
typedef struct held {
  jx_severity sev;
  const char *code;
  jx_loc loc;
  const char *msg, *hint;
} held;

typedef struct reader {
  jx_ctx *ctx;
  /* The nodes built: the caller's arena, or with a sink one of the
   * reader's own, reset after each budget unit is handed over (or taken
   * by the sink, which gives another). */
  jx_arena *tree;
  const jx_xml_items_sink *sink; /* or NULL: the whole file is built */
  bool handed;            /* the sink has had the file's first items */
  int last_kind;          /* the kind of the last item marked, or -1 */
  int file; /* the XML file in the ctx's source table, for locations */
  const jx_source *src; /* its text, read by the locations */
  xmlParserCtxtPtr pctx;
  /* The schema validator's own SAX handlers and their data; NULL when the
   * schema could not be read (the document is then only parsed). */
  xmlSAXHandlerPtr vsax;
  void *vdata;
  bool ok;       /* no rule of the format broken (J312) */
  bool invalid;  /* the schema was broken (J311): nothing more is built */
  bool stopped;  /* a text node over libxml2's limit stopped the parse */
  int stopped_line;
  /* The text node being read, for the validator: a DOM hands it whole,
   * the parser in pieces (and an element that allows no text reports each
   * piece). */
  char *vtext;
  size_t vlen, vcap;
  kid vkind; /* KID_TEXT or KID_CDATA; KID_NONE when there is none */
  frame *frames; /* the open elements, the innermost last */
  int depth, cap;
  xmlNode standin, text_child, other_child; /* ctxt->node and its children */
  jx_arena *scratch; /* the collected subtree */
  jx_list *items;
  jx_org *agency, *section, *sup;
  jx_project *project;
  jx_group *group;
  jx_list held_schema, held_rules; /* held * */
  int cached_line;                 /* at()'s last answer */
  jx_loc cached_loc;
  size_t cached_start;             /* the byte offset of cached_line */
  /* With a sink, the reader only collects: what it would build is written
   * down (log, in log_arena with the subtrees it names) and handed to the
   * builder, which builds on a thread of its own (see "the builder"). */
  struct builder *builder;
  jx_arena *log_arena;
  jx_list log;
} reader;

/* The location of line, whose text s (len bytes, no line end) is known:
 * from its first non-blank character to its end, measured by count: the
 * parser's locations may count as in valid UTF-8, which the file is by
 * then; the gates before it measure lines that may not be. */
static jx_loc loc_of_line(int file, int line, const char *s, size_t len,
                          size_t (*count)(const char *, size_t)) {
  jx_loc loc = {file, line, 1, line, 1};
  size_t start = 0;
  while (start < len && (s[start] == ' ' || s[start] == '\t')) start++;
  loc.first_column = 1 + (int)start;
  loc.last_column = loc.first_column + (int)count(s + start, len - start);
  return loc;
}

static jx_loc measured_line(const jx_source *src, int file, int line,
                            size_t (*count)(const char *, size_t)) {
  if (line <= 0) return (jx_loc){file, line, 1, line, 1};
  size_t len;
  const char *s = jx_source_line(src, line, &len);
  return loc_of_line(file, line, s, len, count);
}

static jx_loc line_loc(jx_ctx *ctx, int file, int line) {
  return measured_line(jx_ctx_source(ctx, file), file, line, jx_utf8_length);
}

/* The location of a line. The builders ask for the same line many times
 * in a row (an element and its children are often on one line), and for
 * the lines in order: the next one is found from the last. */
static jx_loc at_line(reader *r, int line) {
  if (line == r->cached_line && line > 0) return r->cached_loc;
  const jx_source *src = r->src;
  if (line <= 0 || r->cached_line <= 0 || line < r->cached_line ||
      line - r->cached_line > JX_LINE_MARK || line > src->nlines) {
    r->cached_loc = measured_line(src, r->file, line, jx_utf8_count_valid);
    r->cached_line = line > 0 && line <= src->nlines ? line : 0;
    if (r->cached_line) {
      size_t len;
      r->cached_start = (size_t)(jx_source_line(src, line, &len) - src->text);
    }
    return r->cached_loc;
  }
  const char *p = src->text + r->cached_start, *stop = src->text + src->len;
  /* line <= nlines: each of these line ends is there. */
  for (int n = line - r->cached_line; n > 0; n--)
    p = (const char *)memchr(p, '\n', (size_t)(stop - p)) + 1;
  const char *nl = memchr(p, '\n', (size_t)(stop - p));
  size_t len = nl ? (size_t)(nl - p) : (size_t)(stop - p);
  while (len && p[len - 1] == '\r') len--;
  r->cached_start = (size_t)(p - src->text);
  r->cached_line = line;
  r->cached_loc = loc_of_line(r->file, line, p, len, jx_utf8_count_valid);
  return r->cached_loc;
}

static jx_loc at(reader *r, xml_el n) { return at_line(r, n ? n->line : 0); }

static held *hold(reader *r, jx_list *list, jx_severity sev, const char *code, jx_loc loc,
                  const char *msg, const char *hint) {
  held *h = jx_arena_alloc(r->ctx->arena, sizeof *h);
  *h = (held){sev, code, loc, msg, hint};
  jx_list_push(r->ctx->arena, list, h);
  return h;
}

static void report_held(jx_ctx *ctx, const jx_list *list) {
  for (size_t i = 0; i < list->len; i++) {
    const held *h = list->items[i];
    jx_diag *d = jx_report(ctx, h->sev, h->code, h->loc, "%s", h->msg);
    if (h->hint) jx_diag_hint(ctx, d, "%s", h->hint);
  }
}

/* A rule of the format broken (J312). fmt is translated here, as
 * jx_report would (po/Makevars names fail as a keyword). */
static void fail_loc(reader *r, jx_loc loc, const char *fmt, const char *arg) {
  hold(r, &r->held_rules, JX_SEV_ERROR, "J312", loc, jx_arena_printf(r->ctx->arena, _(fmt), arg),
       _("The schema cannot express this rule; see the rules after the element "
         "tables in doc/xml-format.md."));
  r->ok = false;
}

static void fail(reader *r, xml_el n, const char *fmt, const char *arg) {
  fail_loc(r, at(r, n), fmt, arg);
}

static bool is(xml_el n, const char *name) { return n && !strcmp(n->name, name); }
static xml_el next(xml_el n) { return n ? n->next : NULL; }
static xml_el first_child(xml_el n) { return n ? n->children : NULL; }

/* The first control character of s that jixiao text cannot hold (all but
 * tab and line feed: a carriage return, say, from &#13;), or 0. */
static int bad_control(const char *s) {
  for (; *s; s++)
    if (((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n') || *s == 0x7F)
      return (unsigned char)*s;
  return 0;
}

static const char *text(reader *r, xml_el n) {
  const char *s = jx_arena_strdup(r->tree, n ? n->text : "");
  int bad = bad_control(s);
  if (bad)
    fail(r, n, "%s", jx_arena_printf(r->ctx->arena,
                                     _("This text holds the control character U+%04X, which "
                                     "jixiao source cannot write: \"%s\"."), bad, s));
  return s;
}

/* An attribute by its local name, as xmlGetProp finds it. */
static const char *attr(reader *r, xml_el n, const char *name) {
  for (const xattr *a = n ? n->attrs : NULL; a; a = a->next)
    if (!strcmp(a->name, name)) return jx_arena_strdup(r->tree, a->value);
  return NULL;
}

static bool flag(reader *r, xml_el n, const char *name) {
  const char *v = attr(r, n, name);
  return v && !strcmp(v, "true");
}

static int number(reader *r, xml_el n) { return atoi(text(r, n)); }

static jx_string string_of(reader *r, xml_el n) {
  return (jx_string){text(r, n), at(r, n), JX_STR_PLAIN};
}

static jx_name name_of(reader *r, xml_el n) {
  return (jx_name){text(r, n), at(r, n)};
}

/* The scanner's rules (lexer.l): a word it starts reading as a placeholder,
 * and a date word it cuts at 至 or '-'. */
static bool placeholder_word(const char *s) { return jx_placeholder_prefix(s, strlen(s)) > 0; }

static bool date_cut_ok(const char *w) {
  return !jx_date_word(w) || (!strchr(w, '-') && !strstr(w, "至"));
}

/* Why the word w (or a part of a compound unit) cannot be written as itself
 * in jixiao source, or NULL. Keywords are reported when source is written
 * (J300); these are the other words the scanner reads differently. */
static const char *word_problem(reader *r, const char *w) {
  char *copy = jx_arena_strdup(r->tree, w);
  for (char *part = strtok(copy, "/"); part; part = strtok(NULL, "/")) {
    if (placeholder_word(part))
      return jx_arena_printf(r->ctx->arena, _("\"%s\" is read as a template placeholder "
                                            "(two or more X or ○)"), part);
    if (!date_cut_ok(part))
      return jx_arena_printf(r->ctx->arena, _("\"%s\" is cut in two at the 至 or - after "
                                            "its date part"), part);
  }
  return NULL;
}


/* A name the source writes as a bare word: MONEY_UNIT, levels, units and
 * the names of definitions. */
static jx_name word_of(reader *r, xml_el n) {
  jx_name w = name_of(r, n);
  const char *why = word_problem(r, w.text);
  if (why)
    fail(r, n, "%s", jx_arena_printf(r->ctx->arena, _("The name %s cannot be written in "
                                                    "jixiao source: %s. Rename it in the "
                                                    "system that wrote this XML."),
                                     w.text, why));
  return w;
}

static jx_name *name_ptr(reader *r, xml_el n) {
  jx_name *p = jx_arena_alloc(r->tree, sizeof *p);
  *p = name_of(r, n);
  return p;
}

static jx_decimal decimal(reader *r, xml_el n, const char *s) {
  jx_decimal d = {0, 0};
  if (!jx_decimal_parse(s, strlen(s), &d))
    fail(r, n, "The number %s is too large or has too many decimals.", s);
  return d;
}

static jx_amount amount(reader *r, xml_el n) {
  jx_amount a = {0};
  a.text = text(r, n);
  a.value = decimal(r, n, a.text);
  a.loc = at(r, n);
  const char *unit = attr(r, n, "unit");
  if (unit) {
    a.unit = jx_arena_alloc(r->tree, sizeof *a.unit);
    *a.unit = (jx_name){unit, a.loc};
    const char *why = word_problem(r, unit);
    if (why)
      fail(r, n, "%s", jx_arena_printf(r->ctx->arena, _("The unit %s cannot be written in "
                                                      "jixiao source: %s."), unit, why));
  }
  return a;
}

static void *node(reader *r, jx_node_kind kind, size_t size, xml_el n) {
  return jx_node_new(r->tree, kind, size, at(r, n));
}

static jx_node *text_item(reader *r, jx_node_kind kind, xml_el n) {
  jx_text_item *t = node(r, kind, sizeof *t, n);
  t->text = string_of(r, n);
  t->resolved_file = -1;
  return &t->base;
}

static void add(reader *r, jx_list *l, void *item) { jx_list_push(r->tree, l, item); }

/* --- header, definitions, part one ------------------------------------- */

static jx_node *name_item(reader *r, jx_node_kind kind, xml_el n) {
  jx_name_item *it = node(r, kind, sizeof *it, n);
  it->value = kind == JX_NODE_MONEY_UNIT || kind == JX_NODE_VALUE_SPELLING ? word_of(r, n)
                                                                          : name_of(r, n);
  return &it->base;
}

/* Header items come out in the order people write them: 部门 first. */
static void header(reader *r, xml_el h, jx_list *items) {
  jx_org *dept = NULL;
  jx_list rest = {0};
  for (xml_el n = first_child(h); n; n = next(n)) {
    if (is(n, "FISCAL_YEAR")) add(r, &rest, name_item(r, JX_NODE_YEAR, n));
    else if (is(n, "MOF_DIV_CODE")) add(r, &rest, name_item(r, JX_NODE_REGION, n));
    else if (is(n, "DEPT_CODE") || is(n, "DEPT_NAME") || is(n, "DEPT_TOTAL")) {
      if (!dept) {
        dept = node(r, JX_NODE_DEPARTMENT, sizeof *dept, n);
        add(r, items, dept);
      }
      if (is(n, "DEPT_CODE")) dept->code = name_ptr(r, n);
      if (is(n, "DEPT_NAME")) dept->name = string_of(r, n);
      if (is(n, "DEPT_TOTAL")) {
        dept->total = jx_arena_alloc(r->tree, sizeof *dept->total);
        *dept->total = amount(r, n);
      }
    } else if (is(n, "MONEY_UNIT")) add(r, &rest, name_item(r, JX_NODE_MONEY_UNIT, n));
    else if (is(n, "COMPILED_BY")) add(r, &rest, text_item(r, JX_NODE_COMPILED_BY, n));
    else if (is(n, "REVIEWED_BY")) add(r, &rest, text_item(r, JX_NODE_REVIEWED_BY, n));
    else if (is(n, "VALUE_SPELLING")) add(r, &rest, name_item(r, JX_NODE_VALUE_SPELLING, n));
    else if (is(n, "KPI_FRAMEWORK")) add(r, &rest, text_item(r, JX_NODE_FRAMEWORK, n));
  }
  /* Region before year, as in the schema; then the rest. */
  for (size_t i = 0; i < rest.len; i++) {
    jx_node *a = rest.items[i];
    if (a->kind == JX_NODE_REGION) add(r, items, a);
  }
  for (size_t i = 0; i < rest.len; i++) {
    jx_node *a = rest.items[i];
    if (a->kind != JX_NODE_REGION) add(r, items, a);
  }
}

static void definitions(reader *r, xml_el defs, jx_list *items) {
  for (xml_el n = first_child(defs); n; n = next(n)) {
    xml_el c = first_child(n);
    if (is(n, "DIM_DEF")) {
      jx_dimension *d = node(r, JX_NODE_DIMENSION, sizeof *d, n);
      d->name = word_of(r, c);
      d->alias = word_of(r, next(c));
      add(r, items, d);
    } else if (is(n, "UNIT_DEF")) {
      jx_unit_def *u = node(r, JX_NODE_UNIT_DEF, sizeof *u, n);
      u->name = word_of(r, c);
      u->precision = -1;
      xml_el k = next(c);
      if (is(k, "UNIT_DIM")) {
        u->dimension = name_ptr(r, k);
        *u->dimension = word_of(r, k);
        if (is(next(k), "UNIT_PRECISION")) u->precision = number(r, next(k));
      } else {
        u->factor_text = text(r, k);
        u->factor = decimal(r, k, u->factor_text);
        u->of = name_ptr(r, next(k));
        *u->of = word_of(r, next(k));
      }
      add(r, items, u);
    } else if (is(n, "FRAMEWORK_DEF")) {
      jx_framework_def *f = node(r, JX_NODE_FRAMEWORK_DEF, sizeof *f, n);
      f->is_default = flag(r, n, "default");
      f->name = string_of(r, c);
      for (xml_el g = next(c); g; g = next(g)) {
        jx_fw_group *fg = jx_arena_alloc(r->tree, sizeof *fg);
        xml_el gc = first_child(g);
        fg->required = flag(r, g, "required");
        fg->name = word_of(r, gc);
        fg->alias = word_of(r, next(gc));
        for (xml_el l = next(next(gc)); l; l = next(l)) {
          jx_fw_level *lv = jx_arena_alloc(r->tree, sizeof *lv);
          lv->name = word_of(r, first_child(l));
          lv->alias = word_of(r, next(first_child(l)));
          add(r, &fg->levels, lv);
        }
        add(r, &f->groups, fg);
      }
      add(r, items, f);
    } else if (is(n, "FUND_SRC_DEF")) {
      jx_source_def *d = node(r, JX_NODE_SOURCE_DEF, sizeof *d, n);
      d->name = jx_is_bare_word(text(r, c)) ? word_of(r, c) : name_of(r, c);
      d->kind = name_of(r, next(c));
      add(r, items, d);
    } else if (is(n, "LOWER_IS_BETTER") || is(n, "RATIO_NAMES") ||
               is(n, "NOT_RATIO_NAMES")) {
      jx_name_list *l = node(r, is(n, "RATIO_NAMES")       ? JX_NODE_RATIO_NAMES
                                : is(n, "NOT_RATIO_NAMES") ? JX_NODE_NOT_RATIO_NAMES
                                                           : JX_NODE_LOWER_IS_BETTER,
                             sizeof *l, n);
      for (xml_el p = c; p; p = next(p)) {
        jx_string *s = jx_arena_alloc(r->tree, sizeof *s);
        *s = string_of(r, p);
        add(r, &l->names, s);
      }
      add(r, items, l);
    }
  }
}

static void part_one(reader *r, xml_el dp, jx_list *items) {
  for (xml_el n = first_child(dp); n; n = next(n)) {
    if (is(n, "KPI_TARGET")) {
      add(r, items, text_item(r, JX_NODE_OVERALL_TARGET, n));
    } else if (is(n, "SUB_TARGET")) {
      jx_sub_target *s = node(r, JX_NODE_SUB_TARGET, sizeof *s, n);
      xml_el c = first_child(n);
      s->title = string_of(r, c);
      for (xml_el t = next(c); t; t = next(t))
        add(r, &s->texts, text_item(r, is(t, "SUB_TARGET_TEXT") ? JX_NODE_SUB_TARGET_TEXT
                                                                 : JX_NODE_SUB_INDICATOR_TEXT,
                                    t));
      add(r, items, s);
    } else if (is(n, "SAFEGUARD")) {
      jx_safeguard *s = node(r, JX_NODE_SAFEGUARD, sizeof *s, n);
      s->title = string_of(r, first_child(n));
      s->text = string_of(r, next(first_child(n)));
      add(r, items, s);
    }
  }
}

/* --- projects ------------------------------------------------------------ */

static void sources(reader *r, xml_el n, jx_list *out) {
  for (; is(n, "FUND_SRC"); n = next(n)) {
    jx_fund_source *s = jx_arena_alloc(r->tree, sizeof *s);
    xml_el k = first_child(n);
    const char *kind = text(r, k);
    s->kind = !strcmp(kind, "fiscal") ? JX_SOURCE_FISCAL
              : !strcmp(kind, "other") ? JX_SOURCE_OTHER
                                       : JX_SOURCE_NAMED;
    s->name = s->kind == JX_SOURCE_NAMED && jx_is_bare_word(text(r, next(k)))
                  ? word_of(r, next(k))
                  : name_of(r, next(k));
    if ((s->kind == JX_SOURCE_FISCAL && strcmp(s->name.text, "财政资金")) ||
        (s->kind == JX_SOURCE_OTHER && strcmp(s->name.text, "其他资金")))
      fail(r, n, "A funding source of kind fiscal is named 财政资金, and one of "
                 "kind other 其他资金; this one is named %s.", s->name.text);
    xml_el c = next(next(k));
    /* Without FUND_SRC_AMT the cell is empty, which is not zero. */
    if (is(c, "FUND_SRC_AMT")) {
      s->amount = jx_arena_alloc(r->tree, sizeof *s->amount);
      *s->amount = amount(r, c);
      c = next(c);
    }
    sources(r, c, &s->parts);
    add(r, out, s);
  }
}

static jx_node *budget(reader *r, jx_node_kind kind, xml_el n) {
  jx_budget *b = node(r, kind, sizeof *b, n);
  xml_el a = first_child(n);
  b->amount = amount(r, a);
  sources(r, next(a), &b->sources);
  return &b->base;
}

static jx_node *plan(reader *r, xml_el n) {
  jx_plan *p = node(r, JX_NODE_PLAN, sizeof *p, n);
  for (xml_el e = first_child(n); e; e = next(e)) {
    jx_plan_entry *pe = jx_arena_alloc(r->tree, sizeof *pe);
    xml_el m = first_child(e);
    pe->month = number(r, m);
    pe->month_end = flag(r, m, "month_end");
    pe->percent_text = text(r, next(m));
    pe->percent = decimal(r, next(m), pe->percent_text);
    pe->loc = at(r, e);
    add(r, &p->entries, pe);
  }
  return &p->base;
}

static jx_sign sign_of(const char *s) {
  if (!strcmp(s, "≥")) return JX_SIGN_GE;
  if (!strcmp(s, "＞")) return JX_SIGN_GT;
  if (!strcmp(s, "≤")) return JX_SIGN_LE;
  if (!strcmp(s, "＜")) return JX_SIGN_LT;
  return JX_SIGN_EQ;
}

static jx_relative relative_of(const char *s) {
  if (!strcmp(s, "increase")) return JX_REL_INCREASE;
  if (!strcmp(s, "lower")) return JX_REL_LOWER;
  if (!strcmp(s, "decrease")) return JX_REL_DECREASE;
  if (!strcmp(s, "same")) return JX_REL_SAME;
  return JX_REL_IMPROVE;
}

static void date(reader *r, xml_el n, jx_date *d) {
  d->wording = "";
  d->loc = at(r, n);
  const char *style = attr(r, n, "style");
  d->style = style && !strcmp(style, "iso") ? JX_DATE_ISO : JX_DATE_CHINESE;
  for (xml_el c = first_child(n); c; c = next(c)) {
    if (is(c, "DL_YEAR")) d->year = number(r, c);
    if (is(c, "DL_MONTH")) {
      d->month = number(r, c);
      d->month_end = flag(r, c, "month_end");
    }
    if (is(c, "DL_DAY")) d->day = number(r, c);
    if (is(c, "DL_WORDING")) d->wording = text(r, c);
  }
}

/* --- what jixiao source can say --------------------------------------------
 * XML can hold values that jixiao source cannot write: written out and read
 * back they would become another value. These helpers state, in the terms
 * of the language's value reader (compiler/parse_value.c), what reads back. */

/* Words that qualify a number rather than measure it (≥95% 以上): the value
 * reader's list (parse_value.c). */
static size_t qualifying_suffix(const char *text) { return jx_wording_suffix(text); }

static bool is_qualifying(const char *word) {
  size_t n = strlen(word);
  return n && qualifying_suffix(word) == n;
}

static const char *qualifying_list(void) {
  return _("以上, 以下, 以内, 之内, 左右, 到位, 完成, 内, 及以上 or 及以下");
}

/* The date part a word begins with: the value reader's rule. */
static int date_part(const char *word, size_t *len) { return jx_date_part_of(word, len); }

/* The first and the last part of a compound unit (元/人/年). */
static const char *unit_first(reader *r, const char *unit) {
  const char *slash = strchr(unit, '/');
  return slash ? jx_arena_strndup(r->tree, unit, (size_t)(slash - unit)) : unit;
}

static const char *unit_last(const char *unit) {
  const char *slash = strrchr(unit, '/');
  return slash ? slash + 1 : unit;
}

/* fail with a whole message: a translated one, or a literal (translated
 * here; po/Makevars names fail_at as a keyword). */
static void fail_at(reader *r, xml_el n, const char *message) { fail(r, n, "%s", _(message)); }

/* Units that read back as something else. */
static void unit_rules(reader *r, xml_el el, const jx_value *v) {
  const jx_quantity *q = &v->quantity;
  const char *unit = q->unit.text;
  if (!*unit || !strcmp(unit, "%")) return;
  for (const char *part = unit; part;) {
    const char *slash = strchr(part, '/');
    const char *seg = slash ? jx_arena_strndup(r->tree, part, (size_t)(slash - part)) : part;
    size_t q_len = qualifying_suffix(seg);
    if (q_len) {
      fail_at(r, el, jx_arena_printf(r->ctx->arena,
              _("The unit %s ends with %s, which jixiao source reads as wording after "
              "the value, not as part of the unit."), unit, seg + strlen(seg) - q_len));
      return;
    }
    part = slash ? slash + 1 : NULL;
  }
  /* 2025 年, 3 日, 6 月底 without a sign read back as dates. */
  if (q->placeholder) return;
  size_t wl = 0;
  const char *first = unit_first(r, unit);
  int part = date_part(first, &wl);
  if (part < 0) return;
  bool as_date = false;
  if (v->kind == JX_VALUE_QUANTITY && q->sign == JX_SIGN_NONE)
    as_date = part == 2 || part == 3 || first[wl] || (part == 0 && strlen(q->number_text) == 4);
  if (v->kind == JX_VALUE_DEADLINE && q->sign == JX_SIGN_NONE &&
      v->date.style == JX_DATE_CHINESE && !*v->date.wording)
    as_date = true;
  if (as_date)
    fail_at(r, el, jx_arena_printf(r->ctx->arena,
            _("The number %s with the unit %s and no sign reads back in jixiao source as "
            "part of a date, not as a quantity; give it the sign ＝ (KPI_SIGN without "
            "written=\"false\")."), q->number_text, unit));
}

/* Wording after a value: each word must read back as wording, and what
 * precedes it must not swallow it. */
static void wording_rules(reader *r, xml_el el, const jx_value *v) {
  jx_arena *a = r->ctx->arena; /* its messages are held until the end */
  const char *w = v->wording;
  if (!*w) return;
  bool space = *w == ' ';
  const char *first = NULL;
  char *copy = jx_arena_strdup(a, w);
  for (char *word = strtok(copy, " "); word; word = strtok(NULL, " ")) {
    if (!first) first = word;
    if (!jx_is_bare_word(word) || placeholder_word(word) || !date_cut_ok(word)) {
      fail_at(r, el, jx_arena_printf(a, _("The wording \"%s\" holds \"%s\", which jixiao source "
                                        "reads as a keyword, a placeholder or a range, not "
                                        "as wording."), w, word));
      return;
    }
  }
  bool number = v->kind == JX_VALUE_QUANTITY || v->has_quantity;
  const jx_quantity *q = &v->quantity;
  const char *after = NULL;
  if (number && !*q->unit.text) {
    if (!is_qualifying(first)) {
      fail_at(r, el, jx_arena_printf(a, _("After the number %s, which has no unit, the wording "
                                        "\"%s\" would be read as its unit; wording there begins "
                                        "with one of %s."), q->number_text, w, qualifying_list()));
      return;
    }
    if (!space && q->placeholder && placeholder_word(q->number_text)) after = q->number_text;
  } else if (number && strcmp(q->unit.text, "%")) {
    const char *last = unit_last(q->unit.text);
    const char *glued = jx_arena_printf(a, "%s%s", last, first);
    if (!space && qualifying_suffix(glued) != strlen(first)) {
      fail_at(r, el, jx_arena_printf(a, _("The wording \"%s\" follows the unit %s without a space, "
                                        "so it would be read as part of the unit; only %s can "
                                        "follow a unit directly."), w, q->unit.text,
                                     qualifying_list()));
      return;
    }
  } else if (!number) {
    switch (v->kind) {
      case JX_VALUE_RELATIVE: after = jx_relative_text(v->relative); break;
      case JX_VALUE_MONTHLY: after = "每月的日期"; break;
      case JX_VALUE_DEADLINE:
      case JX_VALUE_PERIOD:
        /* A word written against a date, Chinese or ISO, is read as the
         * date's own wording. */
        after = _("the date");
        break;
      default: break;
    }
  }
  if (after && !space)
    fail_at(r, el, jx_arena_printf(a, _("The wording \"%s\" must begin with a space: written "
                                      "right after %s it would be read as part of it."),
                                   w, after));
}

/* A date of a deadline or period as the language can write it. */
static void date_rules(reader *r, xml_el n, const jx_date *d, const char *what) {
  /* what is an untranslated phrase (N_): translated only for a message. */
  jx_arena *a = r->ctx->arena; /* its messages are held until the end */
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d->style == JX_DATE_ISO && (!d->year || !d->month || d->month_end ||
                                  (*d->wording && !jx_is_bare_word(d->wording))))
    fail_at(r, n, jx_arena_printf(a, _("An iso %s has a year and a month, and its wording "
                                     "(2025-12-31前) is one word or none."), _(what)));
  if (d->year && !d->month && d->day)
    fail_at(r, n, jx_arena_printf(a, _("A %s with a year and a day also needs a month."), _(what)));
  if (strchr(d->wording, '-') || strstr(d->wording, "至"))
    fail_at(r, n, jx_arena_printf(a, _("The wording %s of a %s cannot hold 至 or -: jixiao "
                                     "source reads them as the start of a range."),
                                  d->wording, _(what)));
  if (d->month && !d->month_end && !d->day && !strncmp(d->wording, "底", strlen("底")))
    fail(r, n, "The wording %s cannot follow a month: write month_end=\"true\" "
               "instead of starting the wording with 底.", d->wording);
  bool leap = !d->year || (d->year % 4 == 0 && (d->year % 100 || d->year % 400 == 0));
  if (d->month && d->day && (d->day > days[d->month - 1] || (d->month == 2 && !leap && d->day > 28)))
    fail_at(r, n, jx_arena_printf(a, _("The %s %s%d月%d日 is not a date: that month has no "
                                     "day %d."), _(what),
                                  d->year ? jx_arena_printf(a, "%d年", d->year) : "",
                                  d->month, d->day, d->day));
}


/* The number of a quantity (KPI_VAL or KPI_PLACEHOLDER) and its unit. */
static xml_el read_number(reader *r, xml_el c, jx_quantity *q, const char *sign,
                              const char *written, xml_el *unit_el) {
  q->number_text = text(r, c);
  if (is(c, "KPI_PLACEHOLDER")) {
    q->placeholder = true;
    q->number = jx_decimal_from_int(0);
  } else {
    q->number = decimal(r, c, q->number_text);
  }
  q->sign = written && !strcmp(written, "false") ? JX_SIGN_NONE : sign_of(sign);
  q->sign_loc = at(r, c);
  c = next(c);
  q->unit = (jx_name){"", q->sign_loc};
  if (is(c, "KPI_UNIT")) {
    q->unit = word_of(r, c);
    *unit_el = c;
    c = next(c);
  }
  return c;
}

static bool is_number(xml_el c) { return is(c, "KPI_VAL") || is(c, "KPI_PLACEHOLDER"); }

/* A value (group Value of the schema) from its first element c, with the
 * rules the schema cannot state checked on owner (KPI, KPI_LONG_TERM or
 * STAGE_WHEN). Returns the element after KPI_DISPLAY. */
static xml_el value(reader *r, xml_el owner, xml_el c, jx_value *v) {
  memset(v, 0, sizeof *v);
  v->wording = "";
  v->loc = at(r, c);
  v->date.wording = v->until.wording = "";
  const char *sign = "定性", *written = NULL;
  xml_el unit_el = NULL, wording_el = NULL;
  if (is(c, "KPI_BLANK")) {
    v->kind = JX_VALUE_BLANK;
    c = next(c);
  } else {
    sign = text(r, c);
    written = attr(r, c, "written");
    c = next(c);
    v->loc = at(r, c);
    if (is(c, "KPI_RELATIVE")) {
      v->kind = JX_VALUE_RELATIVE;
      v->relative = relative_of(text(r, c));
      c = next(c);
      if (is_number(c)) {
        v->has_quantity = true;
        c = read_number(r, c, &v->quantity, sign, written, &unit_el);
      }
    } else if (is(c, "KPI_DEADLINE")) {
      v->kind = JX_VALUE_DEADLINE;
      date(r, c, &v->date);
      c = next(c);
      if (is_number(c)) {
        v->has_quantity = true;
        c = read_number(r, c, &v->quantity, sign, written, &unit_el);
      }
    } else if (is(c, "KPI_PERIOD")) {
      v->kind = JX_VALUE_PERIOD;
      xml_el from = first_child(c);
      date(r, from, &v->date);
      date(r, next(from), &v->until);
      date_rules(r, from, &v->date, N_("period start"));
      date_rules(r, next(from), &v->until, N_("period end"));
      c = next(c);
    } else if (is(c, "KPI_MONTHLY")) {
      v->kind = JX_VALUE_MONTHLY;
      date(r, c, &v->date);
      v->date.style = JX_DATE_CHINESE;
      c = next(c);
    } else if (is(c, "KPI_TEXT")) {
      v->kind = JX_VALUE_TEXT;
      v->text = string_of(r, c);
      c = next(c);
    } else if (is(c, "KPI_NA")) {
      v->kind = JX_VALUE_NA;
      c = next(c);
    } else {
      v->kind = JX_VALUE_QUANTITY;
      c = read_number(r, c, &v->quantity, sign, written, &unit_el);
    }
    if (is(c, "KPI_WORDING")) {
      v->wording = text(r, c);
      v->wording_loc = at(r, c);
      wording_el = c;
      c = next(c);
    }
  }
  /* KPI_DISPLAY is derived from the fields above; a different one is a sign
   * that the writing system and this reader disagree. */
  const char *shown = text(r, c);
  const char *derived = jx_value_display(r->ctx, v);
  if (strcmp(shown, derived)) {
    hold(r, &r->held_rules, JX_SEV_WARNING, "J313", at(r, c),
         jx_arena_printf(r->ctx->arena,
                         _("KPI_DISPLAY says \"%s\", but the value's fields read \"%s\"; "
                           "the fields are used."),
                         shown, derived),
         _("Check the indicator's value in the system that wrote this XML."));
  }
  /* The rules of a value the schema cannot state (doc/xml-format.md). */
  bool has_number = v->kind == JX_VALUE_QUANTITY || v->has_quantity;
  if (v->kind != JX_VALUE_BLANK && has_number == !strcmp(sign, "定性"))
    fail(r, owner, "The sign %s does not fit the value: 定性 is for values without "
                   "a number, and only for them.", sign);
  if (written && !strcmp(written, "false") && strcmp(sign, "＝"))
    fail(r, owner, "written=\"false\" is only allowed on the sign ＝, not on %s.", sign);
  if (v->kind == JX_VALUE_DEADLINE) date_rules(r, owner, &v->date, N_("deadline"));
  if (v->kind == JX_VALUE_MONTHLY) date_rules(r, owner, &v->date, N_("monthly deadline"));
  if (unit_el) unit_rules(r, unit_el, v);
  if (wording_el) wording_rules(r, wording_el, v);
  return next(c);
}

static jx_allow *allow(reader *r, xml_el n) {
  jx_allow *a = node(r, JX_NODE_ALLOW, sizeof *a, n);
  for (xml_el c = first_child(n); c; c = next(c)) {
    if (is(c, "ALLOW_CODE")) add(r, &a->codes, name_ptr(r, c));
    else if (is(c, "ALLOW_REASON")) a->reason = string_of(r, c);
  }
  return a;
}



static jx_row *kpi(reader *r, xml_el n, bool flat) {
  jx_row *row = node(r, JX_NODE_ROW, sizeof *row, n);
  row->not_applicable_row = flag(r, n, "na_row");
  xml_el c = first_child(n), name_el = NULL;
  row->level2 = (jx_name){"", at(r, n)};
  if (is(c, "KPI_LV2")) {
    row->level2 = word_of(r, c);
    c = next(c);
  }
  if (flat == !!*row->level2.text)
    fail(r, n, "%s", flat ? _("A row of a flat table (flat=\"true\") has no KPI_LV2.")
                          : _("A row of a group with levels needs its KPI_LV2 (二级指标)."));
  if (is(c, "KPI_ORDINAL")) {
    row->ordinal = text(r, c);
    c = next(c);
  }
  if (is(c, "KPI_NAME")) {
    row->name = string_of(r, c);
    name_el = c;
    c = next(c);
  } else {
    row->blank_name = true;
    row->name = (jx_string){"", at(r, n), JX_STR_PLAIN};
  }
  if (is(c, "KPI_DESC")) {
    row->description = jx_arena_alloc(r->tree, sizeof(jx_string));
    *row->description = string_of(r, c);
    c = next(c);
  }
  c = value(r, n, c, &row->value);
  if (is(c, "KPI_LONG_TERM")) {
    row->long_term = jx_arena_alloc(r->tree, sizeof *row->long_term);
    value(r, c, first_child(c), row->long_term);
    c = next(c);
  }
  if (is(c, "KPI_BASIS")) {
    row->basis = jx_arena_alloc(r->tree, sizeof(jx_string));
    *row->basis = string_of(r, c);
    c = next(c);
  }
  if (is(c, "KPI_STANDARD")) {
    row->standard = jx_arena_alloc(r->tree, sizeof(jx_string));
    *row->standard = string_of(r, c);
    c = next(c);
  }
  for (; is(c, "ALLOW"); c = next(c)) add(r, &row->allows, allow(r, c));
  if (row->not_applicable_row &&
      (flat || row->value.kind != JX_VALUE_NA || row->blank_name ||
       strcmp(row->name.text, "不涉及") || row->ordinal || row->description ||
       row->basis || row->standard || row->long_term || row->allows.len))
    fail(r, n, "%s", _("A row marked na_row=\"true\" must be named 不涉及, hold KPI_NA "
                     "and nothing else, and stand in a group with levels."));
  if (name_el && !row->ordinal && jx_ordinal_length(row->name.text))
    fail(r, name_el, "The name \"%s\" begins with an ordinal (指标N:), which jixiao "
                     "source would split off; put the ordinal in KPI_ORDINAL before "
                     "KPI_NAME.", row->name.text);
  return row;
}

static jx_node *contact(reader *r, xml_el n) {
  jx_contact *ct = node(r, JX_NODE_CONTACT, sizeof *ct, n);
  xml_el c = first_child(n);
  ct->name = string_of(r, c);
  if (is(next(c), "CONTACT_PHONE")) {
    ct->phone = jx_arena_alloc(r->tree, sizeof *ct->phone);
    *ct->phone = string_of(r, next(c));
  }
  return &ct->base;
}

static jx_node *schedule(reader *r, xml_el n) {
  jx_schedule *s = node(r, JX_NODE_SCHEDULE, sizeof *s, n);
  for (xml_el st = first_child(n); st; st = next(st)) {
    jx_stage *stage = jx_arena_alloc(r->tree, sizeof *stage);
    stage->loc = at(r, st);
    xml_el c = first_child(st);
    stage->name = string_of(r, c);
    xml_el when = next(c);
    value(r, when, first_child(when), &stage->when);
    if (is(next(when), "STAGE_DESC")) {
      stage->description = jx_arena_alloc(r->tree, sizeof *stage->description);
      *stage->description = string_of(r, next(when));
    }
    add(r, &s->stages, stage);
  }
  return &s->base;
}

static jx_node *labelled(reader *r, xml_el n) {
  jx_labelled *l = node(r, JX_NODE_LABELLED, sizeof *l, n);
  l->label = string_of(r, first_child(n));
  l->text = string_of(r, next(first_child(n)));
  return &l->base;
}

/* One end of 项目期: a year (2024) or an ISO date (2024-07, 2024-07-01) that
 * exists, as the language reads them. */
static jx_name period_end(reader *r, xml_el n) {
  jx_name w = name_of(r, n);
  int y = 0, m = 0, d = 0, used = 0;
  size_t len = strlen(w.text);
  bool ok = len == 4 && sscanf(w.text, "%4d%n", &y, &used) == 1 && used == 4;
  if (!ok && len == 7) ok = sscanf(w.text, "%4d-%2d%n", &y, &m, &used) == 2 && used == 7;
  if (!ok && len == 10)
    ok = sscanf(w.text, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && used == 10;
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100) || y % 400 == 0;
  if (ok && (len > 4) && (m < 1 || m > 12)) ok = false;
  if (ok && len == 10 && (d < 1 || d > days[m - 1] || (m == 2 && !leap && d > 28)))
    ok = false;
  if (!ok)
    fail(r, n, "The project period end %s is neither a year (2024) nor a date that "
               "exists (2024-07 or 2024-07-01).", w.text);
  return w;
}


/* One field of a project from its element c; a supervisor's code and name
 * are two elements and one item. Returns the item to add, if any. */
static jx_node *project_field(reader *r, jx_project *p, xml_el c) {
  if (is(c, "PRO_CODE")) p->code = name_ptr(r, c);
  else if (is(c, "PRO_NAME")) p->name = string_of(r, c);
  else if (is(c, "PRO_CATEGORY")) return text_item(r, JX_NODE_CATEGORY, c);
  else if (is(c, "PRO_TYPE")) return text_item(r, JX_NODE_PROJECT_TYPE, c);
  else if (is(c, "PARENT_PRO_NAME")) return text_item(r, JX_NODE_PARENT_PROJECT, c);
  else if (is(c, "PRO_PERIOD")) {
    jx_period *per = node(r, JX_NODE_PERIOD, sizeof *per, c);
    per->from = period_end(r, first_child(c));
    per->to = period_end(r, next(first_child(c)));
    return &per->base;
  } else if (is(c, "SUP_DEPT_CODE") || is(c, "SUP_DEPT_NAME")) {
    jx_node *f = NULL;
    if (!r->sup) {
      r->sup = node(r, JX_NODE_SUPERVISOR, sizeof *r->sup, c);
      f = &r->sup->base;
    }
    if (is(c, "SUP_DEPT_CODE")) r->sup->code = name_ptr(r, c);
    else r->sup->name = string_of(r, c);
    return f;
  } else if (is(c, "IMPL_AGENCY")) return text_item(r, JX_NODE_IMPLEMENTER, c);
  else if (is(c, "OVERSIGHT_AGENCY")) return text_item(r, JX_NODE_OVERSIGHT, c);
  else if (is(c, "PRO_CONTACT")) return contact(r, c);
  else if (is(c, "FUND_NATURE")) return text_item(r, JX_NODE_FUNDS_NATURE, c);
  else if (is(c, "TOTAL_FUNDS")) return budget(r, JX_NODE_TOTAL_FUNDS, c);
  else if (is(c, "BUDGET")) return budget(r, JX_NODE_BUDGET, c);
  else if (is(c, "BUDGET_MT")) return budget(r, JX_NODE_MEDIUM_BUDGET, c);
  else if (is(c, "FUND_USE")) return text_item(r, JX_NODE_PURPOSE, c);
  else if (is(c, "PRO_OVERVIEW")) return text_item(r, JX_NODE_OVERVIEW, c);
  else if (is(c, "PRO_LEGAL_BASIS")) return text_item(r, JX_NODE_LEGAL_BASIS, c);
  else if (is(c, "SPEND_PLAN")) return plan(r, c);
  else if (is(c, "PRO_SCHEDULE")) return schedule(r, c);
  else if (is(c, "KPI_TARGET")) return text_item(r, JX_NODE_TARGET, c);
  else if (is(c, "KPI_TARGET_MT")) return text_item(r, JX_NODE_MEDIUM_TARGET, c);
  else if (is(c, "PRO_NOTES")) return text_item(r, JX_NODE_NOTES, c);
  else if (is(c, "PRO_FIELD")) return labelled(r, c);
  else if (is(c, "ALLOW")) return &allow(r, c)->base;
  return NULL;
}

/* --- building from the stream ---------------------------------------------- */

static bool building(const reader *r) { return r->vsax && !r->invalid; }

/* An attribute of a start tag as libxml2 reports it (local name, prefix,
 * URI, value, value end), the value as a tree would hold it: the parser
 * writes each '&' of a value as "&#38;". */
static const char *sax_value(jx_arena *a, const xmlChar **at) {
  const char *v = (const char *)at[3], *end = (const char *)at[4];
  char *out = jx_arena_alloc(a, (size_t)(end - v) + 1), *o = out;
  while (v < end) {
    if (end - v >= 5 && !memcmp(v, "&#38;", 5)) {
      *o++ = '&';
      v += 5;
    } else {
      *o++ = *v++;
    }
  }
  *o = 0;
  return out;
}

/* Whether the start tag's attribute name is "true". */
static bool sax_flag(reader *r, int nattrs, const xmlChar **attrs, const char *name) {
  for (int i = 0; i < nattrs; i++)
    if (!strcmp((const char *)attrs[5 * i], name))
      return !strcmp(sax_value(r->scratch, attrs + 5 * i), "true");
  return false;
}

/* --- what the reader tells the builder ------------------------------------
 * The containers' start and end, and each collected element once its end
 * tag has been read and validated, in document order: without a sink they
 * are built at once, with one they are written down for the builder. */

typedef enum { EV_START, EV_ELEMENT, EV_END } event_kind;

typedef struct event {
  event_kind kind;
  role role;     /* the container that starts or ends; EV_ELEMENT: the parent's */
  int line;      /* EV_START: where the start tag ends */
  bool in_section;        /* EV_START of a PROJECT: within a SECTION */
  bool medium_term, flat; /* EV_START of a KPI_GROUP: its attributes */
  const xnode *node;      /* EV_ELEMENT */
} event;

/* The containers: what their start tag makes, before their children. */
static void start_agency(reader *r, int line) {
  jx_org *a = jx_node_new(r->tree, JX_NODE_AGENCY, sizeof *a, at_line(r, line));
  a->base.blank_before = true;
  add(r, r->items, a);
  r->agency = a;
}

/* A 类别 line (SECTION) of the current 单位, followed by its projects: the
 * order the source had. */
static void start_section(reader *r, int line) {
  jx_org *s = jx_node_new(r->tree, JX_NODE_SECTION, sizeof *s, at_line(r, line));
  s->base.blank_before = true;
  s->parent = r->agency;
  add(r, r->items, s);
  r->section = s;
}

static void start_project(reader *r, int line, jx_org *section) {
  jx_project *p = jx_node_new(r->tree, JX_NODE_PROJECT, sizeof *p, at_line(r, line));
  p->agency = r->agency;
  p->section = section;
  p->base.blank_before = true;
  add(r, &r->agency->projects, p);
  if (section) add(r, &section->projects, p);
  add(r, r->items, p);
  r->project = p;
  r->sup = NULL;
}

static void start_group(reader *r, int line, bool medium_term, bool flat) {
  jx_group *g = jx_node_new(r->tree, JX_NODE_GROUP, sizeof *g, at_line(r, line));
  g->medium_term = medium_term;
  g->flat = flat;
  jx_project_add_field(r->tree, r->project, &g->base);
  r->group = g;
}

/* A collected element whose end tag has been read and validated, child of
 * a container. */
static void build(reader *r, role parent, xml_el n) {
  switch (parent) {
    case ROLE_ROOT:
      if (is(n, "DOC_HEAD")) header(r, n, r->items);
      else if (is(n, "DEFINITIONS")) definitions(r, n, r->items);
      else if (is(n, "ALLOW")) add(r, r->items, allow(r, n));
      else if (is(n, "DEPT_PERF")) part_one(r, n, r->items);
      break;
    case ROLE_AGENCY: {
      jx_org *a = r->agency;
      if (is(n, "AGENCY_CODE")) a->code = name_ptr(r, n);
      else if (is(n, "AGENCY_NAME")) a->name = string_of(r, n);
      else if (is(n, "AGENCY_TOTAL")) {
        a->total = jx_arena_alloc(r->tree, sizeof *a->total);
        *a->total = amount(r, n);
      }
      break;
    }
    case ROLE_SECTION: {
      jx_org *s = r->section;
      if (is(n, "SECTION_NAME")) s->name = string_of(r, n);
      else if (is(n, "SECTION_TOTAL")) {
        s->total = jx_arena_alloc(r->tree, sizeof *s->total);
        *s->total = amount(r, n);
      }
      break;
    }
    case ROLE_PROJECT: {
      jx_node *f = project_field(r, r->project, n);
      if (f) jx_project_add_field(r->tree, r->project, f);
      break;
    }
    case ROLE_GROUP: {
      jx_group *g = r->group;
      if (is(n, "KPI_LV1")) {
        g->level1 = word_of(r, n);
        if (g->flat != !strcmp(g->level1.text, "绩效指标"))
          fail_loc(r, g->base.loc, "%s",
                   g->flat ? _("A flat table (flat=\"true\") has the KPI_LV1 绩效指标.")
                           : _("A group whose KPI_LV1 is 绩效指标 is a flat table: mark it "
                               "flat=\"true\" and leave out its rows' KPI_LV2."));
      } else if (is(n, "KPI")) {
        add(r, &g->rows, kpi(r, n, g->flat));
      }
      break;
    }
    default: break;
  }
}

static void hand_over(reader *r);

static void end_container(reader *r, role role) {
  switch (role) {
    case ROLE_AGENCY:
      r->agency = NULL;
      /* (Events are only told while the document is being built.) */
      if (r->sink && r->ok) hand_over(r);
      break;
    case ROLE_SECTION: r->section = NULL; break;
    case ROLE_PROJECT: r->project = NULL, r->sup = NULL; break;
    case ROLE_GROUP: r->group = NULL; break;
    default: break;
  }
}

/* Builds what an event says into r. */
static void apply(reader *r, const event *e) {
  switch (e->kind) {
    case EV_START:
      switch (e->role) {
        case ROLE_AGENCY: start_agency(r, e->line); break;
        case ROLE_SECTION: start_section(r, e->line); break;
        case ROLE_PROJECT: start_project(r, e->line, e->in_section ? r->section : NULL); break;
        case ROLE_GROUP: start_group(r, e->line, e->medium_term, e->flat); break;
        default: break;
      }
      break;
    case EV_ELEMENT: build(r, e->role, e->node); break;
    case EV_END: end_container(r, e->role); break;
  }
}

static void send_unit(reader *r, bool last, bool read_well);

/* Builds what e says at once, or with a builder writes it down; the end of
 * a budget unit sends the unit's events to the builder. */
static void tell(reader *r, event e) {
  if (!r->builder) {
    apply(r, &e);
    return;
  }
  event *copy = jx_arena_alloc(r->log_arena, sizeof *copy);
  *copy = e;
  jx_list_push(r->log_arena, &r->log, copy);
  if (e.kind == EV_END && e.role == ROLE_AGENCY) send_unit(r, false, false);
}

/* Where collected subtrees go: the scratch arena, reset once each is
 * built, or with a builder the log that names them. */
static jx_arena *collecting(const reader *r) { return r->builder ? r->log_arena : r->scratch; }

/* What a newly opened element (validated so far) is: a container, or part
 * of a collected subtree. */
static role start_role(reader *r, frame *f, const frame *parent, const char *name, int nattrs,
                       const xmlChar **attrs) {
  role in = parent ? parent->role : ROLE_NONE;
  if (!parent) return ROLE_ROOT;
  if (in == ROLE_NONE) return ROLE_NONE;
  if (in == ROLE_ROOT && !strcmp(name, "AGENCY")) {
    tell(r, (event){.kind = EV_START, .role = ROLE_AGENCY, .line = f->line});
    return ROLE_AGENCY;
  }
  if ((in == ROLE_AGENCY || in == ROLE_SECTION) && !strcmp(name, "PROJECT")) {
    tell(r, (event){.kind = EV_START, .role = ROLE_PROJECT, .line = f->line,
                    .in_section = in == ROLE_SECTION});
    return ROLE_PROJECT;
  }
  if (in == ROLE_AGENCY && !strcmp(name, "SECTION")) {
    tell(r, (event){.kind = EV_START, .role = ROLE_SECTION, .line = f->line});
    return ROLE_SECTION;
  }
  if (in == ROLE_PROJECT && !strcmp(name, "KPI_GROUP")) {
    tell(r, (event){.kind = EV_START, .role = ROLE_GROUP, .line = f->line,
                    .medium_term = sax_flag(r, nattrs, attrs, "medium_term"),
                    .flat = sax_flag(r, nattrs, attrs, "flat")});
    return ROLE_GROUP;
  }
  jx_arena *into = collecting(r);
  xnode *n = jx_arena_alloc(into, sizeof *n);
  n->name = name;
  n->line = f->line;
  n->text = "";
  xattr **tail = &n->attrs;
  for (int i = 0; i < nattrs; i++) {
    xattr *a = jx_arena_alloc(into, sizeof *a);
    a->name = (const char *)attrs[5 * i];
    a->value = sax_value(into, attrs + 5 * i);
    *tail = a;
    tail = &a->next;
  }
  if (in == ROLE_COLLECT) {
    xnode *p = parent->node;
    if (p->last) p->last->next = n;
    else p->children = n;
    p->last = n;
  }
  f->node = n;
  return ROLE_COLLECT;
}

/* --- the events ----------------------------------------------------------- */

static reader *reader_of(void *ctx) { return ((xmlParserCtxtPtr)ctx)->_private; }

/* ctxt->node for libxml2's blank heuristic: the innermost open element,
 * with children that say whether its first and last child are text. */
static void standin(reader *r) {
  if (!r->depth) {
    r->pctx->node = NULL;
    return;
  }
  const frame *f = &r->frames[r->depth - 1];
  r->standin.children = f->first == KID_NONE   ? NULL
                        : f->first == KID_TEXT ? &r->text_child
                                               : &r->other_child;
  r->standin.last = f->last == KID_NONE   ? NULL
                    : f->last == KID_TEXT ? &r->text_child
                                          : &r->other_child;
  r->pctx->node = &r->standin;
}

/* Appends the n bytes at ch to *buf, which holds *len bytes in *cap. */
static void append(char **buf, size_t *len, size_t *cap, const xmlChar *ch, size_t n) {
  if (*len + n + 1 > *cap) {
    size_t grown_cap = *cap ? *cap : 64;
    while (grown_cap < *len + n + 1) grown_cap *= 2;
    char *grown = realloc(*buf, grown_cap);
    if (!grown) out_of_memory();

    *buf = grown;
    *cap = grown_cap;
  }
  memcpy(*buf + *len, ch, n);
  *len += n;
}

/* Hands the validator the text node read so far, as one piece. */
static void flush_text(reader *r) {
  if (r->vkind == KID_NONE) return;
  if (r->vkind == KID_TEXT) r->vsax->characters(r->vdata, (const xmlChar *)r->vtext, (int)r->vlen);
  else r->vsax->cdataBlock(r->vdata, (const xmlChar *)r->vtext, (int)r->vlen);
  r->vkind = KID_NONE;
  r->vlen = 0;
}

static void child(reader *r, frame *f, kid kind) {
  if (f->first == KID_NONE) f->first = kind;
  f->last = kind;
  standin(r);
}

/* Character data of kind (text or CDATA) for the innermost element. A
 * text node longer than libxml2's tree builder takes stops the parse as
 * xmlSAX2Characters does (the parser then reports what follows, as it
 * would). */
static void character_data(reader *r, frame *f, kid kind, const xmlChar *ch, int len) {
  if (f->last == kind) {
    if (f->run + (size_t)len > XML_MAX_TEXT_LENGTH && !(r->pctx->options & XML_PARSE_HUGE)) {
      r->stopped = true;
      r->stopped_line = r->pctx->input ? r->pctx->input->line : 0;
      r->pctx->errNo = XML_ERR_NO_MEMORY;
      r->pctx->instate = XML_PARSER_EOF;
      r->pctx->disableSAX = 1;
      return;
    }
    f->run += (size_t)len;
  } else {
    child(r, f, kind);
    f->run = (size_t)len;
  }
  if (f->role == ROLE_COLLECT) append(&f->text, &f->len, &f->cap, ch, (size_t)len);
  if (r->vsax) {
    if (r->vkind != kind) flush_text(r);
    append(&r->vtext, &r->vlen, &r->vcap, ch, (size_t)len);
    r->vkind = kind;
  }
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nattrs, int ndefaulted,
                     const xmlChar **attrs) {
  reader *r = reader_of(ctx);
  if (r->vsax) flush_text(r);
  if (r->depth) child(r, &r->frames[r->depth - 1], KID_OTHER);
  if (r->depth == r->cap) {
    int cap = r->cap ? 2 * r->cap : 32;
    frame *grown = realloc(r->frames, (size_t)cap * sizeof *grown);
    if (!grown) out_of_memory();

    memset(grown + r->cap, 0, (size_t)(cap - r->cap) * sizeof *grown);
    r->frames = grown;
    r->cap = cap;
  }
  frame *f = &r->frames[r->depth++];
  f->line = r->pctx->input ? r->pctx->input->line : 0;
  f->role = ROLE_NONE;
  f->first = f->last = KID_NONE;
  f->run = 0;
  f->node = NULL;
  f->len = 0;
  standin(r);
  if (r->vsax)
    r->vsax->startElementNs(r->vdata, local, prefix, uri, nns, ns, nattrs, ndefaulted, attrs);
  if (building(r))
    f->role = start_role(r, f, r->depth > 1 ? f - 1 : NULL, (const char *)local, nattrs, attrs);
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
  reader *r = reader_of(ctx);
  if (!r->depth) return;
  if (r->vsax) {
    flush_text(r);
    r->vsax->endElementNs(r->vdata, local, prefix, uri);
  }
  frame *f = &r->frames[r->depth - 1];
  if (f->role == ROLE_COLLECT) {
    f->node->text = f->len ? jx_arena_strndup(collecting(r), f->text, f->len) : "";
    const frame *parent = f - 1;
    if (parent->role != ROLE_COLLECT) {
      if (building(r)) tell(r, (event){.kind = EV_ELEMENT, .role = parent->role, .node = f->node});
      jx_arena_reset(r->scratch);
    }
  } else if (f->role != ROLE_NONE && f->role != ROLE_ROOT && building(r)) {
    tell(r, (event){.kind = EV_END, .role = f->role});
  }
  r->depth--;
  standin(r);
}

static void on_characters(void *ctx, const xmlChar *ch, int len) {
  reader *r = reader_of(ctx);
  if (r->depth) character_data(r, &r->frames[r->depth - 1], KID_TEXT, ch, len);
}

static void on_cdata(void *ctx, const xmlChar *value, int len) {
  reader *r = reader_of(ctx);
  if (r->depth) character_data(r, &r->frames[r->depth - 1], KID_CDATA, value, len);
}

/* Comments and processing instructions are children of their element in a
 * DOM (which matters to the blank heuristic); the validator skips them. */
static void on_comment(void *ctx, const xmlChar *value) {
  (void)value;
  reader *r = reader_of(ctx);
  if (r->vsax) flush_text(r);
  if (r->depth) child(r, &r->frames[r->depth - 1], KID_OTHER);
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data) {
  (void)target, (void)data;
  on_comment(ctx, NULL);
}

/* Entity references reach no handler: a document with a DTD is refused
 * before parsing, and the predefined entities arrive as characters. */
static void on_reference(void *ctx, const xmlChar *name) { (void)ctx, (void)name; }

/* A schema error concerns the element the validator stands on, the
 * innermost open one: at its start tag, in its text, or at its end tag. */
static void on_schema_error(void *data, xmlErrorPtr err) {
  reader *r = data;
  if (!err || !err->message) return;
  size_t n = strlen(err->message);
  while (n && err->message[n - 1] == '\n') n--;
  int line = r->depth ? r->frames[r->depth - 1].line : err->line;
  hold(r, &r->held_schema, JX_SEV_ERROR, "J311", line_loc(r->ctx, r->file, line),
       jx_arena_printf(r->ctx->arena,
                       _("This document does not follow the jixiao exchange format: %.*s"),
                       (int)n, err->message),
       _("The format is defined by schema/jixiao-1.xsd and described in doc/xml-format.md."));
  r->invalid = true;
}

/* Exchange documents are UTF-8. A file declaring another encoding, or
 * holding a NUL, is refused here with the place and the reason, which
 * libxml2's own messages about encodings do not give; utf8_ok then checks
 * every byte. */
static bool encoding_ok(jx_ctx *ctx, int file) {
  const jx_source *src = jx_ctx_source(ctx, file);
  const char *t = src->text;
  /* The encoding is decided first, over every byte: a NUL ends every
   * C-string search below, and UTF-16 without a byte order mark is made of
   * them (libxml2 would read it anyway, past the gates). */
  const char *nul = memchr(t, '\0', src->len);
  if (nul || (src->len >= 2 && (unsigned char)t[0] >= 0xFE && (unsigned char)t[1] >= 0xFE)) {
    bool utf16 = nul && (size_t)(nul - t) <= 1;
    int line = 1;
    for (const char *p = t; nul && p < nul; p++) line += *p == '\n';
    jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J310",
                           utf16 || !nul ? jx_loc_file(file) : line_loc(ctx, file, line),
                           utf16 || !nul ? N_("This XML file is saved as UTF-16 (or UTF-32); "
                                           "exchange documents are UTF-8.")
                                         : N_("This XML file contains a NUL byte, which is "
                                           "never part of an exchange document."));
    jx_diag_hint(ctx, d, utf16 || !nul ? N_("Convert it: iconv -f UTF-16 -t UTF-8 FILE > NEW, "
                                         "then declare encoding=\"UTF-8\".")
                                       : N_("The file is damaged or is not XML text."));
    return false;
  }
  if (!strncmp(t, "<?xml", 5)) {
    /* Only the declaration is searched, not the whole document. */
    const char *end = strstr(t, "?>");
    const char *enc = NULL;
    for (const char *p = t; end && !enc && p + 8 <= end; p++)
      if (!memcmp(p, "encoding", 8)) enc = p;
    if (end && enc && enc < end) {
      const char *q = strpbrk(enc, "\"'");
      const char *close = q ? strchr(q + 1, *q) : NULL;
      if (q && close && close < end) {
        size_t n = (size_t)(close - q - 1);
        bool utf8 = (n == 5 && !strncasecmp(q + 1, "UTF-8", 5)) ||
                    (n == 4 && !strncasecmp(q + 1, "UTF8", 4));
        if (!utf8) {
          jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J310", line_loc(ctx, file, 1),
                                 "This XML document declares the encoding %.*s; "
                                 "exchange documents are UTF-8.", (int)n, q + 1);
          jx_diag_hint(ctx, d, "Convert the file to UTF-8 (iconv -f %.*s -t UTF-8) "
                               "and change the declaration to encoding=\"UTF-8\".",
                       (int)n, q + 1);
          return false;
        }
      }
    }
  }
  return true;
}

/* Refuses the file unless bad, where jx_utf8_invalid_at found the first
 * byte that is not UTF-8, is its length. */
static bool utf8_ok(jx_ctx *ctx, int file, size_t bad) {
  const jx_source *src = jx_ctx_source(ctx, file);
  const char *t = src->text;
  if (bad == src->len) return true;
  int line = 1;
  for (size_t i = 0; i < bad; i++) line += t[i] == '\n';
  jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J310", line_loc(ctx, file, line),
                         "This XML file is not valid UTF-8: byte 0x%02X on this line "
                         "cannot start or continue a character.", (unsigned char)t[bad]);
  jx_diag_hint(ctx, d, "Exchange documents are UTF-8; convert the file, for example "
                       "with iconv -f GBK -t UTF-8.");
  return false;
}


/* Where a document declares a DTD (DOCTYPE or ENTITY), or NULL. */
static const char *dtd_in(const jx_source *src) {
  /* Entities are how XML files reach the network or the disk (XXE) and how
   * they explode in memory ("billion laughs"); an exchange document needs
   * neither, so any DTD is refused before libxml2 sees it. The text has no
   * NUL (encoding_ok), so the search sees all of it. */
  const char *dtd = strstr(src->text, "<!DOCTYPE");
  return dtd ? dtd : strstr(src->text, "<!ENTITY");
}

static void report_dtd(jx_ctx *ctx, int file, const char *dtd) {
  const jx_source *src = jx_ctx_source(ctx, file);
  int line = 1;
  for (const char *p = src->text; p < dtd; p++) line += *p == '\n';
  jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J310", line_loc(ctx, file, line),
                         "This XML document has a document type declaration "
                         "(DOCTYPE or ENTITY), which jxc refuses.");
  jx_diag_hint(ctx, d, "Exchange documents need no DTD; remove it. DTDs can make "
                       "a reader fetch files or expand entities without bound.");
}

/* A blank line between the header, part one and definitions, and before
 * each 分项目标, for the items from the first on (the one before them was
 * of r->last_kind). */
static void mark_blank_lines(reader *r, size_t first) {
  for (size_t i = first; i < r->items->len; i++) {
    jx_node *b = r->items->items[i];
    if (r->last_kind >= 0) {
      bool header_a = r->last_kind <= JX_NODE_FRAMEWORK, header_b = b->kind <= JX_NODE_FRAMEWORK;
      if (header_a != header_b || b->kind == JX_NODE_SUB_TARGET) b->blank_before = true;
    }
    r->last_kind = (int)b->kind;
  }
}

/* Hands the items built since the last time to the sink, then forgets
 * them: nothing the reader keeps points into them (a budget unit has
 * ended, and with it its 类别 lines and projects). */
static void hand_over(reader *r) {
  if (!r->items->len) return;
  mark_blank_lines(r, 0);
  r->sink->items(r->items, !r->handed, r->sink->data);
  r->handed = true;
  *r->items = (jx_list){0};
  r->section = r->sup = NULL;
  r->project = NULL;
  r->group = NULL;
  if (r->sink->take_arena)
    r->tree = r->sink->take_arena(r->tree, r->sink->data);
  else
    jx_arena_reset(r->tree);
}

/* --- the builder ----------------------------------------------------------
 * With a sink, the budget units are built on a second thread while the
 * reader parses and validates the next ones (libxml2's part, the longer,
 * stays on the first): the reader hands over each unit's events, in an
 * arena of their own, at the unit's end tag; the builder applies them in
 * order to a reader state of its own, which calls the sink as a one-thread
 * reading would, then gives the arena back. Its findings (J312, J313) are
 * held in its own ctx until the reader, at the end, decides which stand.
 * A unit is at most PENDING_UNITS ahead, so memory stays a few units. */

enum { PENDING_UNITS = 4 };

typedef struct unit_log {
  jx_list events; /* event *, in arena */
  jx_arena *arena;
  bool last;      /* the document has ended */
  bool read_well; /* last: the reader found nothing wrong */
} unit_log;

typedef struct builder {
  reader b;       /* the builder's state; b.ctx holds its messages */
  size_t not_utf8_at; /* the XML's first byte that is not UTF-8, or its length */
  bool threaded;  /* else each unit is built when it is sent */
  pthread_mutex_t mu;
  pthread_cond_t cv; /* a unit queued or taken */
  pthread_t thread;
  unit_log queue[PENDING_UNITS];
  size_t head, count;
  bool closed;    /* the last unit has been queued */
  jx_arena *spare[PENDING_UNITS + 1]; /* emptied log arenas */
  size_t nspare;
} builder;

static void build_unit(builder *bd, const unit_log *u) {
  for (size_t i = 0; i < u->events.len; i++) apply(&bd->b, u->events.items[i]);
  /* What follows the last budget unit. */
  if (u->last && u->read_well && bd->b.ok) hand_over(&bd->b);
}

static void *builder_main(void *data) {
  builder *bd = data;
  /* The first units come while this runs, and wait. */
  bd->not_utf8_at = jx_utf8_invalid_at(bd->b.src->text, bd->b.src->len);
  pthread_mutex_lock(&bd->mu);
  for (;;) {
    while (!bd->count && !bd->closed) pthread_cond_wait(&bd->cv, &bd->mu);
    if (!bd->count) break;
    unit_log u = bd->queue[bd->head];
    pthread_mutex_unlock(&bd->mu);
    build_unit(bd, &u);
    jx_arena_reset(u.arena);
    pthread_mutex_lock(&bd->mu);
    bd->head = (bd->head + 1) % PENDING_UNITS;
    bd->count--;
    bd->spare[bd->nspare++] = u.arena;
    pthread_cond_broadcast(&bd->cv);
  }
  pthread_mutex_unlock(&bd->mu);
  return NULL;
}

/* Hands the events told since the last unit to the builder, and starts a
 * new log. */
static void send_unit(reader *r, bool last, bool read_well) {
  builder *bd = r->builder;
  unit_log u = {r->log, r->log_arena, last, read_well};
  r->log = (jx_list){0};
  if (!bd->threaded) {
    build_unit(bd, &u);
    jx_arena_reset(u.arena);
    return;
  }
  pthread_mutex_lock(&bd->mu);
  while (bd->count == PENDING_UNITS) pthread_cond_wait(&bd->cv, &bd->mu);
  bd->queue[(bd->head + bd->count) % PENDING_UNITS] = u;
  bd->count++;
  if (last) bd->closed = true;
  r->log_arena = bd->nspare ? bd->spare[--bd->nspare] : NULL;
  pthread_cond_broadcast(&bd->cv);
  pthread_mutex_unlock(&bd->mu);
  if (!r->log_arena && !(r->log_arena = jx_arena_new())) out_of_memory();
}

/* Starts the builder of a reading with a sink: r is the reader's state,
 * nodes the arena to build the first unit in, items the list it builds. */
static void builder_start(builder *bd, reader *r, jx_arena *nodes, jx_list *items) {
  jx_ctx *messages = jx_ctx_new();
  r->log_arena = jx_arena_new();
  if (!messages || !r->log_arena) out_of_memory();
  bd->b = (reader){.ctx = messages, .tree = nodes, .sink = r->sink, .last_kind = -1,
                   .file = r->file, .src = r->src, .ok = true, .items = items};
  pthread_mutex_init(&bd->mu, NULL);
  pthread_cond_init(&bd->cv, NULL);
  bd->threaded = !r->ctx->single_thread && pthread_create(&bd->thread, NULL, builder_main, bd) == 0;
  if (!bd->threaded) bd->not_utf8_at = jx_utf8_invalid_at(r->src->text, r->src->len);
  r->builder = bd;
}

/* Sends what remains and waits until every unit is built. */
static void builder_finish(reader *r, bool read_well) {
  builder *bd = r->builder;
  if (!bd) return;
  send_unit(r, true, read_well);
  if (bd->threaded) pthread_join(bd->thread, NULL);
  for (size_t i = 0; i < bd->nspare; i++) jx_arena_free(bd->spare[i]);
  jx_arena_free(r->log_arena);
  r->log_arena = NULL;
  pthread_mutex_destroy(&bd->mu);
  pthread_cond_destroy(&bd->cv);
}

/* jx_xml_import and jx_xml_import_units: builds into tree, or with a
 * sink into an arena of its own, a unit at a time. Sets *xml_file. */
static jx_file *import(jx_ctx *ctx, jx_arena *tree, const char *path, const char *xsd_path,
                       const jx_xml_items_sink *sink, int *xml_file, const char **why) {
  *xml_file = -1;
  jx_source read;
  if (!jx_source_read(tree, path, &read, why)) {
    *why = jx_arena_strdup(ctx->arena, *why);
    return NULL;
  }
  int file = jx_source_adopt(ctx, &read, true);
  *xml_file = file;
  const jx_source *src = jx_ctx_source(ctx, file);
  if (!encoding_ok(ctx, file)) return NULL;
  /* Every byte must be UTF-8, which takes a pass over the file, then no DTD
   * may be declared. With a sink (and no DTD) the builder's thread makes
   * that pass while libxml2 parses, which delivers only valid UTF-8 itself;
   * its verdict comes before anything else at the end. */
  const char *dtd = dtd_in(src);
  if (!sink || dtd) {
    if (!utf8_ok(ctx, file, jx_utf8_invalid_at(src->text, src->len))) return NULL;
    if (dtd) {
      report_dtd(ctx, file, dtd);
      return NULL;
    }
  }

  /* With a sink the file is only a list of what is not handed over yet. */
  jx_file *f = jx_arena_alloc(sink ? ctx->arena : tree, sizeof *f);
  f->file = file;
  reader r = {.ctx = ctx, .tree = tree, .last_kind = -1, .file = file, .src = src,
              .ok = true, .items = &f->items};
  builder bd = {0};
  if (sink) {
    jx_arena *nodes = jx_arena_new();
    if (!nodes) out_of_memory();
    r.sink = sink;
    builder_start(&bd, &r, nodes, &f->items);
  }
  r.standin.type = XML_ELEMENT_NODE;
  r.text_child.type = XML_TEXT_NODE;
  r.other_child.type = XML_COMMENT_NODE;
  r.scratch = jx_arena_new();
  if (!r.scratch) out_of_memory();


  /* Without its schema the document is still parsed to its end, so that a
   * file that is not well-formed says so first. */
  xmlSchemaParserCtxtPtr sctx = xmlSchemaNewParserCtxt(xsd_path);
  xmlSchemaPtr schema = sctx ? xmlSchemaParse(sctx) : NULL;
  xmlSchemaFreeParserCtxt(sctx);
  xmlSchemaValidCtxtPtr vctx = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
  xmlSchemaSAXPlugPtr plug = NULL;
  if (vctx) {
    xmlSchemaSetValidStructuredErrors(vctx, on_schema_error, &r);
    /* Plugged into no handler of ours, the validator hands out its own
     * handlers, which the events above call themselves: the validator sees
     * what a DOM validation would (no dropped blanks), and each element's
     * end is validated before it is built. */
    plug = xmlSchemaSAXPlug(vctx, &r.vsax, &r.vdata);
    if (!plug) r.vsax = NULL;
  }

  xmlParserCtxtPtr pctx = xmlNewParserCtxt();
  xmlDocPtr doc = NULL;
  if (pctx) {
    r.pctx = pctx;
    pctx->_private = &r;
    /* libxml2's SAX2 handlers stay for the document itself and entities;
     * those that would build the tree are replaced. */
    xmlSAXHandlerPtr sax = pctx->sax;
    sax->startElementNs = on_start;
    sax->endElementNs = on_end;
    sax->characters = on_characters;
    sax->cdataBlock = on_cdata;
    sax->comment = on_comment;
    sax->processingInstruction = on_pi;
    sax->reference = on_reference;
    /* XML_PARSE_NOBLANKS makes ignorableWhitespace a handler that does
     * nothing: ignorable blanks are dropped, as from a DOM. */
    /* The text is read where it is, as a string: it has no NUL
     * (encoding_ok), and libxml2 does not copy it as it copies memory. */
    doc = xmlCtxtReadDoc(pctx, (const xmlChar *)src->text, path, NULL,
                         XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
                             XML_PARSE_NOWARNING);
  }
  bool broken = !doc || r.stopped;
  /* The builder finishes first: its subtrees name their elements with
   * strings of libxml2's dictionary, which goes with the parser; and it says
   * whether the file is UTF-8, which comes before all else. */
  builder_finish(&r, !broken && plug && !r.held_schema.len && !r.invalid);
  bool not_utf8 = sink && !utf8_ok(ctx, file, bd.not_utf8_at);
  if (broken && !not_utf8) {
    const xmlError *err = pctx ? xmlCtxtGetLastError(pctx) : NULL;
    bool has = err && err->code != XML_ERR_OK;
    int line = has ? err->line : r.stopped ? r.stopped_line : 0;
    const char *msg = has && err->message  ? err->message
                      : r.stopped          ? "xmlSAX2Characters: huge text node\n"
                                           : "not well-formed\n";
    size_t n = strlen(msg);
    while (n && msg[n - 1] == '\n') n--;
    jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J310", line_loc(ctx, file, line),
                           "This file is not well-formed XML: %.*s", (int)n, msg);
    jx_diag_hint(ctx, d, "Check that the file is a complete jixiao exchange "
                         "document, as written by jxc build --format=xml.");
  }
  xmlFreeDoc(doc);
  bool validated = plug != NULL;
  if (plug) xmlSchemaSAXUnplug(plug);
  if (pctx) {
    pctx->node = NULL;
    xmlFreeParserCtxt(pctx);
  }
  xmlSchemaFreeValidCtxt(vctx);
  xmlSchemaFree(schema);
  for (int i = 0; i < r.cap; i++) free(r.frames[i].text);
  free(r.frames);
  free(r.vtext);
  jx_arena_free(r.scratch);
  /* With a sink, the builder said what the rules say. */
  const jx_list *rules = &r.held_rules;
  if (sink) {
    r.ok = bd.b.ok;
    rules = &bd.b.held_rules;
    jx_arena_free(bd.b.tree);
  }

  jx_file *built = NULL;
  if (broken || not_utf8) {
    /* J310 said it. */
  } else if (!validated) {
    *why = jx_arena_printf(ctx->arena, _("the schema %s cannot be read"), xsd_path);
  } else if (r.held_schema.len) {
    report_held(ctx, &r.held_schema);
  } else {
    report_held(ctx, rules);
    if (r.ok) {
      if (!sink) mark_blank_lines(&r, 0);
      built = f;
    }
  }
  if (sink) jx_ctx_free(bd.b.ctx);
  return built;
}

jx_file *jx_xml_import(jx_ctx *ctx, jx_arena *tree, const char *path, const char *xsd_path,
                       const char **why) {
  int file;
  return import(ctx, tree, path, xsd_path, NULL, &file, why);
}

bool jx_xml_import_units(jx_ctx *ctx, jx_arena *tree, const char *path, const char *xsd_path,
                         const jx_xml_items_sink *sink, int *xml_file, const char **why) {
  return import(ctx, tree, path, xsd_path, sink, xml_file, why) != NULL;
}
