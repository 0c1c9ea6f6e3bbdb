#include "framework.h"

#include <string.h>

#include "diag.h"
#include "utf8.h"

void jx_frameworks_define(jx_ctx *ctx, jx_frameworks *fw, const jx_node *item) {
  switch (item->kind) {
    case JX_NODE_FRAMEWORK_DEF: {
      const jx_framework_def *f = (const jx_framework_def *)item;
      for (size_t i = 0; i < fw->defs.len; i++) {
        const jx_framework_def *old = fw->defs.items[i];
        if (!strcmp(old->name.text, f->name.text)) {
          jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J183", f->name.loc,
                                 "The indicator framework \"%s\" is already "
                                 "defined.", f->name.text);
          jx_diag_note_add(ctx, d, old->name.loc, "it is defined here");
          jx_diag_hint(ctx, d, "Give the new framework another name.");
          return;
        }
      }
      jx_list_push(ctx->arena, &fw->defs, (void *)f);
      break;
    }
    case JX_NODE_LOWER_IS_BETTER:
    case JX_NODE_RATIO_NAMES:
    case JX_NODE_NOT_RATIO_NAMES: {
      const jx_name_list *l = (const jx_name_list *)item;
      jx_list *to = item->kind == JX_NODE_LOWER_IS_BETTER ? &fw->lower_is_better
                    : item->kind == JX_NODE_RATIO_NAMES   ? &fw->ratio_names
                                                          : &fw->not_ratio_names;
      for (size_t i = 0; i < l->names.len; i++)
        jx_list_push(ctx->arena, to, l->names.items[i]);
      break;
    }
    default:
      break;
  }
}

const jx_framework_def *jx_framework_find(const jx_frameworks *fw,
                                          const char *name) {
  const jx_framework_def *fallback = NULL;
  for (size_t i = 0; i < fw->defs.len; i++) {
    const jx_framework_def *f = fw->defs.items[i];
    if (name ? !strcmp(f->name.text, name) : f->is_default) return f;
    if (!fallback) fallback = f;
  }
  return name ? NULL : fallback;
}

/* The length of a level name without its 指标 suffix. */
static size_t stem_length(const char *s) {
  static const char suffix[] = "指标";
  size_t n = strlen(s), k = sizeof suffix - 1;
  return n > k && !memcmp(s + n - k, suffix, k) ? n - k : n;
}

/* Whether a written level name is the level with this name or English
 * name. Clerks often leave out the 指标 suffix (服务对象满意度, 社会效益,
 * 产出), so the names match when they are equal without it. */
static bool names_level(const char *written, const jx_name *name, const jx_name *alias) {
  if (!strcmp(written, name->text) || !strcmp(written, alias->text)) return true;
  size_t a = stem_length(written), b = stem_length(name->text);
  return a && a == b && !memcmp(written, name->text, a);
}

const jx_fw_group *jx_framework_group(const jx_framework_def *f,
                                      const char *name) {
  for (size_t i = 0; i < f->groups.len; i++) {
    const jx_fw_group *g = f->groups.items[i];
    if (names_level(name, &g->name, &g->alias)) return g;
  }
  return NULL;
}

const jx_fw_level *jx_framework_level(const jx_fw_group *g, const char *name) {
  for (size_t i = 0; i < g->levels.len; i++) {
    const jx_fw_level *l = g->levels.items[i];
    if (names_level(name, &l->name, &l->alias)) return l;
  }
  return NULL;
}

const jx_fw_group *jx_framework_group_of_level(const jx_framework_def *f,
                                               const char *name) {
  for (size_t i = 0; i < f->groups.len; i++)
    if (jx_framework_level(f->groups.items[i], name)) return f->groups.items[i];
  return NULL;
}

bool jx_name_matches(const jx_list *fragments, const char *name,
                     const char **matched) {
  /* The name ends with the fragment, ignoring closing punctuation: 合格率
   * and 事故发生率（ match, 投诉率下降幅度 does not. */
  size_t n = strlen(name);
  while (n > 0) {
    size_t start = n;
    do start--; while (start > 0 && ((unsigned char)name[start] & 0xC0) == 0x80);
    int32_t cp;
    jx_utf8_decode(name + start, n - start, &cp);
    if (jx_utf8_is_word_cp(cp, false) || (cp >= '0' && cp <= '9')) break;
    n = start;
  }
  for (size_t i = 0; i < fragments->len; i++) {
    const jx_string *s = fragments->items[i];
    size_t k = strlen(s->text);
    if (k && k <= n && !memcmp(name + n - k, s->text, k)) {
      if (matched) *matched = s->text;
      return true;
    }
  }
  return false;
}
