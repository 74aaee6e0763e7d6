"""An interview typed into a web form and saved as HTML (trial12): what was typed into the form's fields is
text, and a field's label never runs into the next field's text ("CatatanInforman", which a detector then
proposed as a name); the form's submit button is no part of the transcript."""

from __future__ import annotations

from makna.importers.html import html_to_text

FORM = """<html><body><form action="#"><h1>Formulir Catatan Wawancara</h1>
<label>Kode informan</label><input type="text" name="kode" value="INF-07">
<label>Tanggal</label><input type="date" name="tgl" value="2025-05-10">
<input type="hidden" name="token" value="abc123secret"><input type="password" name="pw" value="rahasia">
<label>Jenis usaha <select name="usaha"><option>ojol</option><option selected>warung</option></select></label>
<fieldset><legend>Transkrip</legend>
<p><b>Peneliti:</b> Bapak jualan di mana?</p>
<p><b>Informan 7:</b> Di depan pasar.</p>
</fieldset>
<label>Catatan</label><textarea name="catatan">Informan lelah.</textarea>
<button type="submit">Kirim</button></form></body></html>"""


def test_typed_values_are_text_and_fields_stay_apart() -> None:
    text = html_to_text(FORM)
    assert "Kode informan INF-07 Tanggal 2025-05-10" in text
    assert "Jenis usaha warung" in text and "ojol" not in text
    assert "Catatan Informan lelah." in text and "CatatanInforman" not in text
    assert "abc123secret" not in text and "rahasia" not in text
    assert "Kirim" not in text
    assert "Peneliti: Bapak jualan di mana?\nInforman 7: Di depan pasar." in text
