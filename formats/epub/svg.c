/*
 * epub_svg.c - may an SVG image go into an EPUB?  An allowlist of SVG
 * elements and attributes, as HTML sanitizers keep for SVG: static
 * drawing, text, gradients, patterns, masks, filters and transform
 * animation.  Anything else refuses the whole image: script, event
 * handlers, <foreignObject>, <style>, <image>, <a>, the animations that
 * can set any attribute (<animate>, <set>), links to other documents,
 * url() that leads outside the file, processing instructions
 * (xml-stylesheet) and entity declarations.  An image either stays whole
 * or goes: a reading system shows SVG with its own engine, and a partly
 * cleaned file is harder to trust than a refused one.
 *
 * The file is parsed by libxml2 without network, DTD loading or entity
 * expansion (formats/shared/xml_safe.c) and walked along its links, without
 * recursion.
 */
#include "epub.h"
#include "xml.h"
#include "xml_safe.h"

#include <limits.h>
#include <string.h>

#define SVG_NS   "http://www.w3.org/2000/svg"
#define XLINK_NS "http://www.w3.org/1999/xlink"
#define XML_NS   "http://www.w3.org/XML/1998/namespace"
#define XHTML_NS "http://www.w3.org/1999/xhtml"

static const char *const svg_elements[] = {
    "svg",
    "g",
    "defs",
    "desc",
    "title",
    "metadata",
    "symbol",
    "use",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "pattern",
    "clipPath",
    "mask",
    "marker",
    "view",
    "animateTransform",
    "filter",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
};

/* Attributes without a namespace.  Presentation attributes take url()
 * only to "#id" (checked on every value). */
static const char *const svg_attributes[] = {
    "id",
    "class",
    "style",
    "transform",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "fx",
    "fy",
    "fr",
    "width",
    "height",
    "d",
    "points",
    "pathLength",
    "viewBox",
    "preserveAspectRatio",
    "version",
    "baseProfile",
    "zoomAndPan",
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-opacity",
    "opacity",
    "color",
    "display",
    "visibility",
    "overflow",
    "clip",
    "clip-path",
    "clip-rule",
    "clipPathUnits",
    "mask",
    "maskUnits",
    "maskContentUnits",
    "filter",
    "filterUnits",
    "primitiveUnits",
    "marker-start",
    "marker-mid",
    "marker-end",
    "markerWidth",
    "markerHeight",
    "markerUnits",
    "refX",
    "refY",
    "orient",
    "gradientUnits",
    "gradientTransform",
    "spreadMethod",
    "offset",
    "stop-color",
    "stop-opacity",
    "patternUnits",
    "patternContentUnits",
    "patternTransform",
    "font-family",
    "font-size",
    "font-size-adjust",
    "font-style",
    "font-weight",
    "font-variant",
    "font-stretch",
    "text-anchor",
    "dominant-baseline",
    "alignment-baseline",
    "baseline-shift",
    "letter-spacing",
    "word-spacing",
    "text-decoration",
    "writing-mode",
    "direction",
    "unicode-bidi",
    "dx",
    "dy",
    "rotate",
    "textLength",
    "lengthAdjust",
    "startOffset",
    "method",
    "spacing",
    "side",
    "lang",
    "href",
    "in",
    "in2",
    "result",
    "stdDeviation",
    "mode",
    "type",
    "values",
    "operator",
    "k1",
    "k2",
    "k3",
    "k4",
    "order",
    "kernelMatrix",
    "divisor",
    "bias",
    "targetX",
    "targetY",
    "edgeMode",
    "kernelUnitLength",
    "preserveAlpha",
    "surfaceScale",
    "diffuseConstant",
    "specularConstant",
    "specularExponent",
    "azimuth",
    "elevation",
    "pointsAtX",
    "pointsAtY",
    "pointsAtZ",
    "limitingConeAngle",
    "z",
    "scale",
    "xChannelSelector",
    "yChannelSelector",
    "flood-color",
    "flood-opacity",
    "lighting-color",
    "radius",
    "baseFrequency",
    "numOctaves",
    "seed",
    "stitchTiles",
    "tableValues",
    "slope",
    "intercept",
    "amplitude",
    "exponent",
    "color-interpolation",
    "color-interpolation-filters",
    "color-rendering",
    "shape-rendering",
    "text-rendering",
    "image-rendering",
    "vector-effect",
    "paint-order",
    "mix-blend-mode",
    "isolation",
    "enable-background",
    "focusable",
    "role",
    "tabindex",
    "aria-label",
    "aria-hidden",
    "aria-labelledby",
    "aria-describedby",
    /* <animateTransform> can only move, turn or scale what it is in. */
    "attributeName",
    "attributeType",
    "from",
    "to",
    "by",
    "dur",
    "begin",
    "end",
    "min",
    "max",
    "restart",
    "repeatCount",
    "repeatDur",
    "calcMode",
    "keyTimes",
    "keySplines",
    "additive",
    "accumulate",
};

static int name_in(const xmlChar *name, const char *const *list, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (xmlStrEqual(name, BAD_CAST list[i]))
            return 1;
    return 0;
}

static int ns_is(const xmlNs *ns, const char *href)
{
    return ns != NULL && xmlStrEqual(ns->href, BAD_CAST href);
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* 1 if `s`, with white space and control characters skipped and letters
 * lowered, contains `needle` (lower case, no spaces). */
static int contains_flat(const char *s, const char *needle)
{
    size_t i, j;

    for (i = 0; s[i] != '\0'; i++) {
        const char *p = s + i;

        for (j = 0; needle[j] != '\0'; p++) {
            if (*p == '\0')
                return 0;
            if ((unsigned char)*p <= 0x20)
                continue;
            if (lower((unsigned char)*p) != needle[j])
                break;
            j++;
        }
        if (needle[j] == '\0')
            return 1;
    }
    return 0;
}

/* 1 if every url( in the value leads to "#id" inside this file. */
static int urls_are_local(const char *s)
{
    const char *p = s;

    while (*p != '\0') {
        if (lower((unsigned char)p[0]) == 'u' && lower((unsigned char)p[1]) == 'r' &&
            lower((unsigned char)p[2]) == 'l' && p[3] == '(') {
            p += 4;
            while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '"' || *p == '\'')
                p++;
            if (*p != '#')
                return 0;
            continue;
        }
        p++;
    }
    return 1;
}

/* What no value may hold, whatever the attribute: a URL scheme that runs
 * or embeds a document, CSS that loads or computes, a CSS escape that
 * could hide either. */
static int value_is_safe(const char *v)
{
    static const char *const needles[] = {"javascript:", "vbscript:", "data:",       "@import",
                                          "expression(", "behavior:", "-moz-binding"};
    size_t i;

    for (i = 0; i < sizeof needles / sizeof needles[0]; i++)
        if (contains_flat(v, needles[i]))
            return 0;
    return strchr(v, '\\') == NULL && urls_are_local(v);
}

static int attribute_is_safe(const xmlAttr *attr, int in_metadata)
{
    xmlChar *v = xmlNodeGetContent((const xmlNode *)attr);
    int safe;

    if (v == NULL)
        return 0;
    if (ac_strncaseeq((const char *)attr->name, "on", 2))
        safe = 0; /* an event handler, in any namespace */
    else if (!value_is_safe((const char *)v))
        safe = 0;
    else if (xmlStrEqual(attr->name, BAD_CAST "href") &&
             (attr->ns == NULL || ns_is(attr->ns, XLINK_NS)))
        safe = v[0] == '#'; /* <use>, gradients, textPath: this file only */
    else if (in_metadata)
        safe = 1; /* RDF about the image: rdf:about, rdf:resource... */
    else if (attr->ns == NULL)
        safe = name_in(attr->name, svg_attributes, sizeof svg_attributes / sizeof *svg_attributes);
    else if (ns_is(attr->ns, XML_NS))
        safe =
            xmlStrEqual(attr->name, BAD_CAST "space") || xmlStrEqual(attr->name, BAD_CAST "lang");
    else
        safe = 0; /* xlink:show, xml:base, editor namespaces... */
    xmlFree(v);
    return safe;
}

/* 1 if the element may stand where it is: an allowed SVG element, or
 * inside <metadata> anything that is neither SVG nor XHTML (RDF). */
static int element_is_safe(const xmlNode *el, int in_metadata)
{
    if (in_metadata)
        return !ns_is(el->ns, SVG_NS) && !ns_is(el->ns, XHTML_NS);
    return ns_is(el->ns, SVG_NS) &&
           name_in(el->name, svg_elements, sizeof svg_elements / sizeof *svg_elements);
}

int ac_epub_svg_is_clean(const char *data, size_t len)
{
    xmlParserCtxtPtr ctxt;
    xmlDocPtr doc;
    xmlNodePtr root, node, metadata = NULL;
    ac_xml_walk w;
    ac_xml_event ev;
    int clean = 0, entity = 0;

    if (len > INT_MAX || (ctxt = xmlNewParserCtxt()) == NULL)
        return 0;
    doc = ac_xml_read_without_entities(ctxt, data, len, NULL, 0, &entity);
    xmlFreeParserCtxt(ctxt);
    if (doc == NULL)
        return 0;
    /* A processing instruction before the root (xml-stylesheet) loads CSS. */
    for (node = doc->children; node != NULL; node = node->next)
        if (node->type == XML_PI_NODE)
            goto done;
    root = xmlDocGetRootElement(doc);
    if (root == NULL || !xmlStrEqual(root->name, BAD_CAST "svg") || !ns_is(root->ns, SVG_NS))
        goto done;
    ac_xml_walk_init(&w, root);
    while ((ev = ac_xml_walk_next(&w)) != AC_XML_DONE) {
        node = ac_xml_walk_node(&w);
        if (ev == AC_XML_LEAVE) {
            if (node == metadata)
                metadata = NULL;
        } else if (node->type == XML_ELEMENT_NODE) {
            const xmlAttr *attr;
            int in_metadata = metadata != NULL;

            if (!element_is_safe(node, in_metadata))
                goto done;
            for (attr = node->properties; attr != NULL; attr = attr->next)
                if (!attribute_is_safe(attr, in_metadata))
                    goto done;
            if (!in_metadata && xmlStrEqual(node->name, BAD_CAST "metadata"))
                metadata = node;
        } else if (node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE &&
                   node->type != XML_COMMENT_NODE) {
            goto done; /* entity references, processing instructions */
        }
    }
    clean = 1;
done:
    xmlFreeDoc(doc);
    return clean;
}
