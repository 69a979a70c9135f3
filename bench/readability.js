// Extracts the article text of one saved page with Mozilla Readability under
// jsdom, for bench/run.py's comparison.  Never part of the build or tests.
// Setup: (cd bench && npm install)
const fs = require("fs");
const { JSDOM } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const path = process.argv[2];
const html = fs.readFileSync(path, "utf8");
const dom = new JSDOM(html, { url: "https://example.org/" });
const article = new Readability(dom.window.document).parse();
process.stdout.write(article && article.textContent ? article.textContent : "");
