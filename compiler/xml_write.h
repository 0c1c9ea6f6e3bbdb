/* The exchange XML (schema/jixiao-1.xsd, doc/xml-format.md): writing it
 * straight from the syntax tree, and validating XML text by streaming it
 * through libxml2's parser with the schema plugged in. No DOM is built. */
#ifndef JX_XML_WRITE_H
#define JX_XML_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "ctx.h"
#include "document.h"

#define JX_XML_NAMESPACE "urn:jixiao:exchange:1"

/* Receives the XML text in order, in chunks of up to JX_XML_CHUNK bytes
 * (a chunk may end inside a UTF-8 character). */
typedef void (*jx_xml_sink)(void *data, const char *bytes, size_t len);

#define JX_XML_CHUNK (64 * 1024)

/* Writes the exchange document for doc, in canonical form (element order
 * fixed by the schema, no timestamps, indented exactly as libxml2 would),
 * to sink. Returns false with diagnostics in ctx (J301, J302) when doc holds
 * something the format cannot carry; sink may have received part of the
 * text by then, which the caller must throw away. */
bool jx_xml_write(jx_ctx *ctx, const jx_document *doc, jx_xml_sink sink, void *data);

/* What jx_xml_write_following is told, in the order a reader meets it
 * (jx_check_watch): a file read (its index and source), that an import
 * line of the file before it was dealt with, the end of the document, or
 * that the reading stopped and nothing is to be written. */
typedef enum { JX_XML_FILE, JX_XML_IMPORT_DONE, JX_XML_END, JX_XML_CANCEL } jx_xml_event_kind;
typedef struct jx_xml_event {
  jx_xml_event_kind kind;
  int file;             /* FILE: its index */
  const jx_source *src; /* FILE: its text, which must stay until the writer is done */
} jx_xml_event;

/* The next event, waiting for it if need be. */
typedef jx_xml_event (*jx_xml_next_event)(void *data);

/* The same as jx_xml_write for a document being read elsewhere (another
 * thread, jxc build): each file is parsed again from its source when its
 * event comes, its units written where they stand in the document, and its
 * tree let go once the files it imports are written, so no more than one
 * branch of imports is held. The same bytes, and the same findings (J301,
 * J302) into ctx, as jx_xml_write on the whole document, when the root
 * holds every top-level 允许 (jx_check_watch.allows_in_root). False with
 * *cancelled when the events said so. */
bool jx_xml_write_following(jx_ctx *ctx, jx_xml_next_event next, void *events,
                            jx_xml_sink sink, void *data, bool *cancelled);

/* The same into one malloc'd, NUL-terminated buffer (for tests and small
 * documents); NULL with diagnostics in ctx. Caller frees. */
char *jx_xml_text(jx_ctx *ctx, const jx_document *doc, size_t *len);

/* A parsed XSD, for validating any number of documents. */
typedef struct jx_xml_schema jx_xml_schema;

/* NULL with *why (ctx arena) when the file cannot be read as a schema. */
jx_xml_schema *jx_xml_schema_load(jx_ctx *ctx, const char *xsd_path, const char **why);
void jx_xml_schema_free(jx_xml_schema *schema);

/* One document's validation, fed its text in pieces as it is written: a
 * SAX push parser with the schema's validator plugged in, so memory stays
 * the same whatever the document's size. */
typedef struct jx_xml_validation jx_xml_validation;

jx_xml_validation *jx_xml_validation_start(jx_ctx *ctx, jx_xml_schema *schema);
void jx_xml_validation_feed(jx_xml_validation *v, const char *bytes, size_t len);
/* Ends and frees v. False when the text is not well-formed or does not
 * follow the schema, with the messages, "line N: …" one a line, in *why
 * (ctx arena). */
bool jx_xml_validation_finish(jx_xml_validation *v, const char **why);

/* The whole of xml at once against the XSD file at xsd_path; on failure
 * *why holds what the schema could not be read for, or the messages. */
bool jx_xml_validate(jx_ctx *ctx, const char *xml, size_t len, const char *xsd_path,
                     const char **why);

#endif
