/* The checker: finds every inconsistency a reviewing finance bureau would
 * send back. Rules and codes (J1xx) are documented in doc/checks.md. */
#ifndef JX_CHECK_H
#define JX_CHECK_H

#include <stdbool.h>

#include "ctx.h"
#include "document.h"
#include "library.h"

/* Runs every rule on a parsed document; diagnostics go into ctx. */
void jx_check(jx_ctx *ctx, const jx_document *doc, const jx_library *stdlib);

/* The same, for a document read one file at a time whose trees are let go
 * (jxc check of a province, with jx_document_stream_with):
 *
 *   c = jx_checker_new(ctx, stdlib, doc, true)  with doc holding the root
 *       file only, whose tree must live until jx_checker_finish;
 *   jx_checker_file(c, file)  for each file in the order of
 *       jx_document.files (the root first), while its tree lives;
 *   jx_checker_imports(c, file, items)  once a file's imports are read
 *       (items: its items, or its 导入 lines, with resolved_file set);
 *   jx_checker_finish(c)  the rules of the whole document; frees c.
 *
 * The root must hold the header, the definitions and part one: the rules of
 * a project need them before its tree goes. jx_checker_file returns false
 * for a file that holds any of these (or anything else besides 单位, 类别,
 * 项目, 允许 and 导入 lines); the document must then be read whole and
 * given to jx_check, after jx_checker_free. With streaming false, doc is
 * the whole document, already read, and every file is accepted.
 * jx_check is exactly new, file for each of doc's files, finish. */
typedef struct jx_checker jx_checker;
jx_checker *jx_checker_new(jx_ctx *ctx, const jx_library *stdlib, const jx_document *doc,
                           bool streaming);
bool jx_checker_file(jx_checker *c, const jx_file *file);
void jx_checker_imports(jx_checker *c, int file, const jx_list *items);
void jx_checker_finish(jx_checker *c);
/* Frees a checker without running the rules of the whole document (a
 * document with syntax errors, or one that must be read whole). */
void jx_checker_free(jx_checker *c);

typedef struct jx_check_options {
  bool warnings_as_errors;
  jx_list disabled; /* const char *: rule codes turned off */
} jx_check_options;

/* Whether code names a checker rule that can be disabled. */
bool jx_check_rule_known(const char *code);

/* What the allowances (允许) and `# jxc: allow CODE` pragmas of documents
 * accept, gathered file by file (copied: a file's tree may go after it is
 * added). Files are added document by document, each document's after
 * jx_allowances_begin_document: a top-level allowance covers its whole
 * document. Caller frees with jx_allowances_free. */
typedef struct jx_allowances jx_allowances;
jx_allowances *jx_allowances_new(void);
void jx_allowances_free(jx_allowances *a);
void jx_allowances_begin_document(jx_allowances *a);
void jx_allowances_add_file(jx_allowances *a, jx_ctx *ctx, const jx_file *file);
/* begin_document, then add_file for each of its files. */
void jx_allowances_add_document(jx_allowances *a, jx_ctx *ctx, const jx_document *doc);
/* Forgets the files of index nfiles and above (read again later). */
void jx_allowances_truncate(jx_allowances *a, size_t nfiles);

/* Applies the options and the allowances to ctx's diagnostics: drops the
 * allowed ones, turns warnings into errors when asked, and sorts them into
 * source order. Only checker diagnostics (J1xx) can be allowed. */
void jx_check_filter_allowances(jx_ctx *ctx, jx_allowances *a,
                                const jx_check_options *opt);

/* Reads the document at path (a file, or a folder with main.jx) and checks
 * it, its diagnostics into ctx and its allowances into allows: one file at
 * a time (jx_checker_new with streaming), so that a province's memory is
 * its sources and not its syntax tree; whole (jx_check) when its root does
 * not hold its header, definitions and part one. The rules run only when
 * the document reads without errors. False when path cannot be read, with
 * why (ctx's arena). */
bool jx_check_path(jx_ctx *ctx, const jx_library *lib, jx_allowances *allows,
                   const char *path, const char **why);

/* What a caller of jx_check_streamed is told as the document is read, so
 * that another thread can follow it (jxc build writes the XML so): file
 * sees each file as it is read (from the loader's fn), import_done each
 * 导入 line once dealt with (jx_stream). With allows_in_root, a top-level
 * 允许 outside the root file needs the whole document too (the exchange
 * XML gives them all before part two). Any member may be NULL or false. */
typedef struct jx_check_watch {
  void (*file)(const jx_file *file, void *data);
  void (*import_done)(void *data);
  bool allows_in_root;
  void *data;
} jx_check_watch;

/* The first half of jx_check_path: checks the document at path one file at
 * a time, telling watch (when not NULL). When that cannot be, returns
 * false: with *whole when it must be read whole (nothing of it is left in
 * ctx or allows), else with why. */
bool jx_check_streamed(jx_ctx *ctx, const jx_library *lib, jx_allowances *allows,
                       const char *path, const jx_check_watch *watch, bool *whole,
                       const char **why);

/* The same with the allowances of docs' files (jx_document *). */
void jx_check_filter(jx_ctx *ctx, const jx_list *docs,
                     const jx_check_options *opt);

#endif
