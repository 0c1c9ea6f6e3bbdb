/* The outline of a document read one file at a time: copies of what the
 * rules of the whole document read (checker.h), made while a file's tree
 * lives, so that the tree can go. A copy is a node of the same type with
 * only those parts: a project keeps its code, name, unit and 类别, its
 * budget (预算) without its sources, and the rows that part one's 指标
 * paragraphs give a figure for; a 单位 or 类别 line keeps its code,
 * name, total and projects. The rules cannot tell a copy from the tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "i18n.h"

static const char *dup(jx_arena *a, const char *s) { return s ? jx_arena_strdup(a, s) : NULL; }

static jx_name copy_name(jx_arena *a, jx_name n) {
  n.text = dup(a, n.text);
  return n;
}

static jx_name *copy_name_ptr(jx_arena *a, const jx_name *n) {
  if (!n) return NULL;
  jx_name *out = jx_arena_alloc(a, sizeof *out);
  *out = copy_name(a, *n);
  return out;
}

static jx_string copy_string(jx_arena *a, jx_string s) {
  s.text = dup(a, s.text);
  return s;
}

static jx_amount copy_amount(jx_arena *a, jx_amount m) {
  m.text = dup(a, m.text);
  m.unit = copy_name_ptr(a, m.unit);
  return m;
}

/* A node's header without its comments. */
static jx_node base_of(const jx_node *n) {
  jx_node b = *n;
  b.trivia = NULL;
  return b;
}

static jx_org *copy_org(jx_arena *a, const jx_org *o, jx_org *parent) {
  jx_org *out = jx_arena_alloc(a, sizeof *out);
  out->base = base_of(&o->base);
  out->code = copy_name_ptr(a, o->code);
  out->name = copy_string(a, o->name);
  if (o->total) {
    out->total = jx_arena_alloc(a, sizeof *out->total);
    *out->total = copy_amount(a, *o->total);
  }
  out->parent = parent;
  return out;
}

static jx_budget *copy_budget(jx_arena *a, const jx_budget *b) {
  jx_budget *out = jx_arena_alloc(a, sizeof *out);
  out->base = base_of(&b->base);
  out->amount = copy_amount(a, b->amount);
  return out;
}

/* A row as part one's J174 reads it: name, level and the figure. */
static jx_row *copy_row(jx_arena *a, const jx_row *r) {
  jx_row *out = jx_arena_alloc(a, sizeof *out);
  out->base = base_of(&r->base);
  out->level2 = copy_name(a, r->level2);
  out->blank_name = r->blank_name;
  out->name = copy_string(a, r->name);
  out->value.kind = r->value.kind;
  out->value.loc = r->value.loc;
  out->value.has_quantity = r->value.has_quantity;
  out->value.quantity = r->value.quantity;
  out->value.quantity.number_text = dup(a, r->value.quantity.number_text);
  out->value.quantity.unit = copy_name(a, r->value.quantity.unit);
  out->value.wording = "";
  return out;
}

/* The groups of p with only the rows part one may name, or none. */
static void copy_rows(jx_checker *c, jx_project *out, const jx_project *p) {
  jx_arena *a = c->ctx->arena;
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind != JX_NODE_GROUP) continue;
    const jx_group *g = (const jx_group *)f;
    jx_group *copy = NULL;
    for (size_t k = 0; k < g->rows.len; k++) {
      const jx_row *r = g->rows.items[k];
      if (!jx_part_one_row_key(c, c->scratch, r)) continue;
      if (!copy) {
        copy = jx_arena_alloc(a, sizeof *copy);
        copy->base = base_of(&g->base);
        copy->level1 = copy_name(a, g->level1);
        copy->medium_term = g->medium_term;
        copy->flat = g->flat;
        jx_list_push(a, &out->fields, &copy->base); /* no index: see jx_project */
      }
      jx_list_push(a, &copy->rows, copy_row(a, r));
    }
  }
}

static jx_project *copy_project(jx_checker *c, const jx_project *p, jx_org *agency,
                                jx_org *section) {
  jx_arena *a = c->ctx->arena;
  jx_project *out = jx_arena_alloc(a, sizeof *out);
  out->base = base_of(&p->base);
  out->code = copy_name_ptr(a, p->code);
  out->name = copy_string(a, p->name);
  const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
  if (b) jx_list_push(a, &out->fields, &copy_budget(a, b)->base); /* no index */
  if (c->row_index) copy_rows(c, out, p);
  out->agency = agency;
  out->section = section;
  if (agency) jx_list_push(a, &agency->projects, out);
  if (section) jx_list_push(a, &section->projects, out);
  return out;
}

static jx_allow *copy_allow(jx_arena *a, const jx_allow *al) {
  jx_allow *out = jx_arena_alloc(a, sizeof *out);
  out->base = base_of(&al->base);
  for (size_t i = 0; i < al->codes.len; i++)
    jx_list_push(a, &out->codes, copy_name_ptr(a, al->codes.items[i]));
  out->reason = copy_string(a, al->reason);
  return out;
}

static jx_text_item *copy_import(jx_arena *a, const jx_text_item *imp) {
  jx_text_item *out = jx_arena_alloc(a, sizeof *out);
  out->base = base_of(&imp->base);
  out->text = copy_string(a, imp->text);
  out->resolved_file = imp->resolved_file;
  return out;
}

static void remember(jx_checker *c, jx_file *out) {
  size_t id = (size_t)out->file;
  if (id >= c->noutline) {
    size_t n = c->noutline ? c->noutline : 16;
    while (n <= id) n *= 2;
    jx_file **more = realloc(c->outline_of, n * sizeof *more);
    if (!more) {
      fputs(_("jxc: out of memory\n"), stderr);
      abort();
    }
    memset(more + c->noutline, 0, (n - c->noutline) * sizeof *more);
    c->outline_of = more;
    c->noutline = n;
  }
  c->outline_of[id] = out;
  jx_list_push(c->ctx->arena, &c->outline.files, out);
  if (!c->outline.roots.len) jx_list_push(c->ctx->arena, &c->outline.roots, out);
}

void jx_outline_file(jx_checker *c, const jx_file *file) {
  if (file->file < 0) return;
  jx_arena *a = c->ctx->arena;
  jx_file *out = jx_arena_alloc(a, sizeof *out);
  out->file = file->file;
  remember(c, out);
  /* A project belongs to the 单位 and 类别 lines last before it in its
   * file (the parser's rule): their copies are these. */
  const jx_org *agency = NULL, *section = NULL;
  jx_org *agency_copy = NULL, *section_copy = NULL;
  for (size_t i = 0; i < file->items.len; i++) {
    const jx_node *n = file->items.items[i];
    jx_node *copy = NULL;
    switch (n->kind) {
      case JX_NODE_AGENCY:
        agency = (const jx_org *)n;
        agency_copy = copy_org(a, agency, NULL);
        section = NULL, section_copy = NULL;
        copy = &agency_copy->base;
        break;
      case JX_NODE_SECTION:
        section = (const jx_org *)n;
        section_copy = copy_org(a, section, section->parent == agency ? agency_copy : NULL);
        copy = &section_copy->base;
        break;
      case JX_NODE_PROJECT: {
        const jx_project *p = (const jx_project *)n;
        copy = &copy_project(c, p, p->agency && p->agency == agency ? agency_copy : NULL,
                             p->section && p->section == section ? section_copy : NULL)
                    ->base;
        break;
      }
      case JX_NODE_ALLOW:
        copy = &copy_allow(a, (const jx_allow *)n)->base;
        break;
      case JX_NODE_IMPORT:
        copy = &copy_import(a, (const jx_text_item *)n)->base;
        break;
      default:
        break; /* the root's header and part one: read from its tree */
    }
    if (copy) jx_list_push(a, &out->items, copy);
  }
  jx_arena_reset(c->scratch); /* the rows' keys */
}

void jx_checker_imports(jx_checker *c, int file, const jx_list *items) {
  if (!c->streaming || file < 0 || (size_t)file >= c->noutline || !c->outline_of[file]) return;
  jx_file *out = c->outline_of[file];
  size_t k = 0;
  for (size_t i = 0; i < items->len; i++) {
    const jx_node *n = items->items[i];
    if (n->kind != JX_NODE_IMPORT) continue;
    while (k < out->items.len && ((jx_node *)out->items.items[k])->kind != JX_NODE_IMPORT) k++;
    if (k == out->items.len) return;
    ((jx_text_item *)out->items.items[k++])->resolved_file =
        ((const jx_text_item *)n)->resolved_file;
  }
}

