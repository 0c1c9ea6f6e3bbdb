/* Parsing one source file into a jx_file. */
#ifndef JX_PARSE_H
#define JX_PARSE_H

#include <stdio.h>

#include "ast.h"
#include "ctx.h"

/* Parses the registered source `file`. Syntax errors are reported into the
 * ctx and parsing continues past them, so the result is always a (possibly
 * partial) file; it and everything in it belong to the ctx's arena. Comments
 * and blank lines are attached to the nodes as trivia. */
jx_file *jx_parse(jx_ctx *ctx, int file);

/* The same, with the tree (and only the tree) in arena, which the caller
 * owns: a pass that needs one file at a time parses each into the same
 * arena and resets it after, so a province's files take the memory of the
 * largest one. Diagnostics still go to the ctx. */
jx_file *jx_parse_in(jx_ctx *ctx, int file, jx_arena *arena);

/* The same for a source that is not (yet) in the ctx's table, as file: the
 * parser reads only src, reports into ctx and builds in arena, so a second
 * thread can parse a file with a ctx and an arena of its own while the
 * first goes on (the loader reads a document's files that way). */
jx_file *jx_parse_source(jx_ctx *ctx, int file, const jx_source *src, jx_arena *arena);

/* Writes the scanner's token stream of `file` to out, one token a line with
 * its location (for `jxc tokens`, to explain a confusing error). */
void jx_dump_tokens(jx_ctx *ctx, int file, FILE *out);

#endif
