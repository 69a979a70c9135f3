"""Tests of the Python binding over the library the build made (meson sets
ARTCONV_LIBRARY and ARTCONV_SAMPLES)."""

import os
import warnings
import zipfile
import io

import pytest

import artconv

SAMPLES = os.environ.get("ARTCONV_SAMPLES", os.path.join(os.path.dirname(__file__), "..", "..",
                                                        "samples"))


def sample(name):
    with open(os.path.join(SAMPLES, name), "rb") as f:
        return f.read()


def test_struct_layout_matches_the_header():
    layout = os.environ.get("ARTCONV_C_LAYOUT")
    if not layout:
        pytest.skip("no C compiler to read the header's struct sizes")
    from artconv import _ReadOptions, _WriteOptions, _ErrorStruct, _Buf
    import ctypes
    want = dict(item.split("=") for item in layout.split())
    got = {
        "read_options": f"{ctypes.sizeof(_ReadOptions)}:{_ReadOptions.base_url.offset}",
        "write_options": f"{ctypes.sizeof(_WriteOptions)}:{_WriteOptions.root.offset}",
        "error": str(ctypes.sizeof(_ErrorStruct)),
        "buf": str(ctypes.sizeof(_Buf)),
    }
    assert got == want


def test_encoding_names_the_charset():
    out = artconv.convert(b"Caf\xe9\n\nMore.\n", from_="text", to="text", encoding="iso-8859-5")
    assert "Cafщ" in out
    with pytest.raises(artconv.Error):
        artconv.convert(b"x\n", from_="text", to="text", encoding="no-such-charset")


def test_version_and_libraries():
    assert artconv.version().count(".") == 2
    libs = artconv.library_versions()
    for name in ("libxml2", "cmark-gfm", "libzip", "libyaml", "jansson", "libunistring"):
        assert libs[name][0].isdigit(), name


def test_formats():
    by_name = {f["name"]: f for f in artconv.formats()}
    assert by_name["epub"]["binary"] and by_name["epub"]["read"] and by_name["epub"]["write"]
    assert by_name["json"]["write"] and by_name["json"]["read"]
    assert by_name["markdown"]["media_type"] == "text/markdown"


def test_convert_html_to_markdown_is_text():
    md = artconv.convert(sample("news-page.html"), from_="html", to="markdown")
    assert isinstance(md, str)
    assert "tidal" in md.lower()


def test_convert_accepts_str_and_aliases():
    out = artconv.convert("# Harbour bridge reopens\n\nTraffic crossed it again.\n",
                          from_="commonmark", to="plain")
    assert "Harbour bridge reopens" in out and "Traffic crossed it again." in out


def test_convert_to_epub_is_bytes_of_a_book():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", artconv.ArtconvWarning)  # its image is not beside it
        book = artconv.convert(sample("river-festival.md"), from_="markdown", to="epub")
    assert isinstance(book, bytes)
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        assert z.read("mimetype") == b"application/epub+zip"


def test_read_returns_the_model():
    model = artconv.read(sample("river-festival.md"), from_="markdown")
    assert model["meta"]["title"].startswith("Lantern festival")
    assert model["meta"]["authors"] == ["Priya Natarajan", "Tom Okafor"]
    assert isinstance(model["body"], list) and model["body"]


def test_meta_is_set_after_reading():
    model = artconv.read("Old headline\n\nText of the story.\n", from_="text",
                         meta={"title": "New headline", "authors": ["A. One", "B. Two"]})
    assert model["meta"]["title"] == "New headline"
    assert model["meta"]["authors"] == ["A. One", "B. Two"]


def test_write_options_reach_the_writer():
    words = " ".join(["word"] * 40)
    narrow = artconv.convert(f"Title\n\n{words}\n", from_="text", to="text", width=30)
    assert max(len(line) for line in narrow.splitlines()) <= 30
    fragment = artconv.convert("# T\n\nBody.\n", from_="markdown", to="html", fragment=True)
    assert "<html" not in fragment and "<article" in fragment


def test_errors_carry_file_line_and_column():
    bad = ('<?xml version="1.0"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">\n'
           '  <contentSet><inlineXML></contentSet>\n')
    with pytest.raises(artconv.Error) as caught:
        artconv.convert(bad, from_="newsml", to="text", filename="item.xml")
    e = caught.value
    assert e.code < 0 and e.status
    assert e.file == "item.xml"
    assert e.line == 4 and e.column == 1
    assert str(e).startswith("item.xml:4:1: ")


def test_errors_without_a_column_say_the_line():
    bad = "---\ntitle: [unclosed\n---\n\nBody.\n"
    with pytest.raises(artconv.Error) as caught:
        artconv.convert(bad, from_="markdown", to="text", filename="story.md", strict=True)
    assert caught.value.file == "story.md" and caught.value.line == 3


def test_strict_refuses_invalid_utf8_and_default_repairs_with_a_warning():
    data = b"Caf\xe9 latin\n\nMore text.\n"
    with pytest.raises(artconv.Error):
        artconv.convert(data, from_="text", to="text", strict=True)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        out = artconv.convert(data, from_="text", to="text", filename="latin.txt")
    assert "More text." in out
    assert any(issubclass(w.category, artconv.ArtconvWarning) and "latin.txt" in str(w.message)
               for w in seen)


def test_unknown_format_and_bad_meta():
    with pytest.raises(ValueError):
        artconv.convert("x", from_="nosuch", to="text")
    with pytest.raises(artconv.Error) as caught:
        artconv.convert("x", from_="json", to="text")
    assert caught.value.line == 1 and caught.value.column == 1
    with pytest.raises(artconv.Error) as caught:
        artconv.convert("T\n\nBody.\n", from_="text", to="text", meta={"nosuchkey": "v"})
    assert "nosuchkey" in caught.value.message


def test_threads_convert_at_once():
    from concurrent.futures import ThreadPoolExecutor
    page = sample("news-page.html")
    with ThreadPoolExecutor(4) as pool:
        outs = list(pool.map(lambda _: artconv.convert(page, from_="html", to="text"), range(16)))
    assert len(set(outs)) == 1


def test_json_reads_back():
    page = sample("news-page.html")
    as_json = artconv.convert(page, from_="html", to="json")
    assert artconv.convert(as_json, from_="json", to="json") == as_json
    assert artconv.convert(as_json, from_="json", to="markdown") == artconv.convert(
        page, from_="html", to="markdown")
