/*
 * newsml.h - what the NewsML-G2 writer (formats/newsml/write.c) and reader
 * (formats/newsml/read.c) agree on.  The mapping itself is documented in
 * docs/newsml.md; the names here are the few conventions of our own.
 */
#ifndef ARTCONV_NEWSML_H
#define ARTCONV_NEWSML_H

/* The NewsML-G2 (NAR) namespace, and NITF's, which older items carry. */
#define AC_NEWSML_NS "http://iptc.org/std/nar/2006-10-01/"
#define AC_NITF_NS   "http://iptc.org/std/NITF/2006-10-18/"

/* The IPTC catalog that defines every scheme prefix we write: ninat, stat,
 * drol, irel and cpnat.  Edition 37, as in the project's sample item. */
#define AC_NEWSML_CATALOG "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_37.xml"

/* QCodes the writer uses and the reader looks for. */
#define AC_NEWSML_TEXT     "ninat:text"
#define AC_NEWSML_USABLE   "stat:usable"
#define AC_NEWSML_WITHHELD "stat:withheld"
#define AC_NEWSML_STAT     "stat:" /* pubStatus: the model keeps the code after it */
#define AC_NEWSML_STAT_URI "http://cv.iptc.org/newscodes/pubstatusg2/" /* the same by URI */
#define AC_NEWSML_SUMMARY  "drol:summary" /* description: the article's summary */
#define AC_NEWSML_TEASER   "drol:teaser"  /* description: the standfirst */
#define AC_NEWSML_SEE_ALSO "irel:seeAlso" /* itemMeta link: lead image, source page */
#define AC_NEWSML_ABSTRACT "cpnat:abstract"

/* The lead image travels twice: as an itemMeta link (receivers that only
 * read metadata find it) and as the first element of the XHTML body,
 * <figure class="lead">, which also carries its alt text, caption and
 * credit (<small class="credit">, as formats/shared/xhtml.c writes figures). */
#define AC_NEWSML_LEAD_CLASS "lead"

/* versionCreated when nothing dates the article and no timestamp is given:
 * a fixed value keeps the output reproducible.  The reader takes it for
 * what it is, a placeholder, and reads no date from it. */
#define AC_NEWSML_EPOCH_DATETIME "1970-01-01T00:00:00Z"

/* Extra metadata (artconv_article_extra_*) with a NewsML-G2 element of its
 * own: <slugline>, a string. */
#define AC_NEWSML_SLUGLINE_KEY "slugline"

#endif /* ARTCONV_NEWSML_H */
