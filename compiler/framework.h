/* Indicator frameworks (指标体系), from 指标体系 "NAME" { … } definitions in the
 * standard library's stdlib/frameworks.jx or in a document. */
#ifndef JX_FRAMEWORK_H
#define JX_FRAMEWORK_H

#include "ast.h"
#include "ctx.h"

typedef struct jx_frameworks {
  jx_list defs;            /* const jx_framework_def * */
  jx_list lower_is_better; /* const jx_string *: name fragments of bad events */
  jx_list ratio_names;     /* const jx_string *: name endings of ratios */
  jx_list not_ratio_names; /* const jx_string *: endings that are not (频率) */
} jx_frameworks;

/* Adds a definition item (J183 for a framework defined twice). */
void jx_frameworks_define(jx_ctx *ctx, jx_frameworks *fw, const jx_node *item);

/* By name; NULL for the default framework when name is NULL. */
const jx_framework_def *jx_framework_find(const jx_frameworks *fw,
                                          const char *name);

/* A first level by Chinese or English name, or NULL. A Chinese name
 * matches with or without its 指标 suffix (产出 is 产出指标). */
const jx_fw_group *jx_framework_group(const jx_framework_def *f,
                                      const char *name);
/* A second level of a group by Chinese or English name (with or without
 * 指标, as above), or NULL. */
const jx_fw_level *jx_framework_level(const jx_fw_group *g, const char *name);
/* The first group of f that has a second level with this name, or NULL. */
const jx_fw_group *jx_framework_group_of_level(const jx_framework_def *f,
                                               const char *name);

/* Whether name ends with one of the fragments (jx_string *), ignoring
 * trailing punctuation; *matched receives it. */
bool jx_name_matches(const jx_list *fragments, const char *name,
                     const char **matched);

#endif
