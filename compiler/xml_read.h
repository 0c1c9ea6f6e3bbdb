/* `jxc import`: an exchange XML document back into a jixiao syntax tree. */
#ifndef JX_XML_READ_H
#define JX_XML_READ_H

#include "ast.h"
#include "ctx.h"

/* Reads path with a hardened parser (no network, no DTD, no entities: a
 * document with a DOCTYPE is refused) as a stream, validating it against
 * the XSD at xsd_path as it is read, and builds a file whose items are in
 * the canonical order; no tree of the whole document is built (see
 * xml_read.c). Problems are reported into ctx with the XML line; returns
 * NULL then. Returns NULL with *why set when path or the schema cannot be
 * read at all.
 *
 * The file built and the XML's text live in tree (which may be ctx->arena):
 * keep tree until the diagnostics are printed, or first call
 * jx_source_release(ctx, f->file), so that jx_sources_restore reads the
 * XML again for them. */
jx_file *jx_xml_import(jx_ctx *ctx, jx_arena *tree, const char *path, const char *xsd_path,
                       const char **why);

/* Where jx_xml_import_units hands the items it builds. Its functions are
 * called on a thread of the reader's own, which builds the units while the
 * calling thread parses and validates the next ones (unless
 * ctx->single_thread): they may run while jx_xml_import_units has not
 * returned, one at a time and in order, and must not touch what the caller
 * uses meanwhile. All have been called when it returns. */
typedef struct jx_xml_items_sink {
  /* Called at the end of each budget unit (AGENCY) with the items built
   * since the last call, in document order, blank lines marked (the
   * header, part one, definitions and allowances before the first unit
   * come with it; what follows the last unit comes last); first says
   * they begin the file. They live until it returns. */
  void (*items)(const jx_list *items, bool first, void *data);
  /* When not NULL, called after items with the arena that holds the
   * items and their list's storage (items copies the list itself), which
   * the sink then owns (to keep them, say); it returns an empty arena to
   * build the next unit in, which the reader frees at the end. When NULL,
   * the items are forgotten once items returns. */
  jx_arena *(*take_arena)(jx_arena *nodes, void *data);
  void *data;
} jx_xml_items_sink;

/* jx_xml_import one budget unit at a time, so that no tree of the whole
 * document is held: each unit's items go to the sink as soon as the unit
 * has been read and validated. True when the document was read without a
 * problem; when false, what the sink was given must be thrown away. The
 * XML's text lives in tree, as with jx_xml_import; its index in ctx is set
 * in *xml_file (-1 when it could not be read). */
bool jx_xml_import_units(jx_ctx *ctx, jx_arena *tree, const char *path, const char *xsd_path,
                         const jx_xml_items_sink *sink, int *xml_file, const char **why);

#endif
