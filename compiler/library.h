/* The standard library: units and indicator frameworks written in jixiao
 * (stdlib/units.jx, stdlib/frameworks.jx), loaded at run time. */
#ifndef JX_LIBRARY_H
#define JX_LIBRARY_H

#include "ctx.h"
#include "document.h"
#include "framework.h"
#include "funding.h"
#include "units.h"

typedef struct jx_library {
  jx_units units;
  jx_frameworks frameworks;
  jx_sources sources;
} jx_library;

/* The folder to load the standard library from: $JIXIAO_STDLIB when set,
 * else the installed data folder (first where it lies relative to the
 * running program, PROGRAM/../share/jixiao/stdlib for a program installed in
 * PREFIX/bin, so a moved installation keeps working; then where configure
 * put it), else the source tree's stdlib/ (so jxc works uninstalled). NULL
 * when none of them holds units.jx. The string lives in the ctx's arena or
 * is static. */
const char *jx_stdlib_dir(jx_ctx *ctx);

/* The exchange format's XSD: $JIXIAO_SCHEMA/jixiao-1.xsd when set, else
 * the installed one (looked for as above), else the source tree's. NULL
 * when none exists. */
const char *jx_schema_path(jx_ctx *ctx);

/* Parses units.jx, frameworks.jx and sources.jx from dir into ctx and lib. Problems in
 * them are reported as diagnostics; returns false with *why when a file
 * cannot be read at all. */
bool jx_library_load(jx_ctx *ctx, const char *dir, jx_library *lib,
                     const char **why);

/* A copy of base extended with the definitions a document makes itself. */
jx_library jx_library_for_document(jx_ctx *ctx, const jx_library *base,
                                   const jx_document *doc);

#endif
