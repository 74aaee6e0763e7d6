"""Floors for makna's own annotated splits (issue 11): measured values less a small margin, so a change that
loses recall or precision on text it was not written for fails here.

``seal4`` was written with ``tune6`` before any detector change of round deid5 and sealed: only its aggregate
scores were read, once before and once after that round (benchmarks/results/deid5.md). Having been scored
after tuning, it is spent: a later round should treat it as a tuning split and write a new sealed one.

``seal6`` and ``tune7`` were written together (round heldout6, benchmarks/results/heldout6.md): twelve new
transcripts, split 6/6 by a seeded shuffle. ``tune7`` is open: tune on it. ``seal6`` is sealed: only its aggregate
scores (overall, untyped, leak rate, per-type recall, by language) may be read, never its per-document misses,
It was scored twice, by the lead, on aggregates only: before any detector change of round four (typed recall
0.901, untyped 0.936, precision 0.887, leak 7.8 %) and after the merge (0.920, 0.955, 0.869, 4.8 %); its floors are
the second scoring less a margin. Having been scored after tuning, it is now spent, like ``seal4``.

``tune8`` and ``seal7`` were written together (round heldout7, benchmarks/results/heldout7.md on branch
``heldout7``): sixteen new transcripts in two batches of eight, split 10/6 by seeded shuffles. ``tune8`` is open:
tune on it; its floor is its score on the detectors of main before the round (rules and the model as trained
before ``tune8`` existed: typed recall 0.860, untyped 0.928, precision 0.845, leak 8.6 %, lowest structured
type HANDLE 0.769) less a margin, raised since by round five (it is training data now). ``seal7`` is sealed:
only its aggregate scores were read, by its writer before any change of round five (typed recall 0.862,
untyped 0.913, precision 0.878, leak 11.9 %) and by the lead after the merge (0.878, 0.920, 0.891, 11.0 %,
lowest structured type HANDLE 0.273: one transcript's Instagram handles as speaker labels); its floor is the
second scoring then. Having been scored after tuning, it was spent: round six opened it (training data, floors
in-sample less a margin) and wrote a new sealed split. With ``seal7`` written, ``seal6`` is training data
(``OPEN_SPLITS`` in makna.privacy.train).

``spent2`` to ``spent6`` are the lead's private held-out sets of rounds two to six (8, 10, 10, 10 and 10
transcripts), written by helpers who tuned nothing and kept outside the repository while they were unseen. Each
was scored after its round's tuning and is spent; rounds six and seven copied their marked-up sources in unchanged
(build.py gives the same gold) as training data. Their floors are in-sample values less a margin.

``tune9`` and ``seal8`` were written together (round heldout8, benchmarks/results/heldout8.md on branch
``heldout8``): sixteen new transcripts in two batches of eight, split 10/6 by seeded shuffles. ``tune9`` is open:
tune on it; its floor is its score on the detectors of main at the start of round six (3d33848: rules, and the
CRF and precision stage trained on the 126 transcripts before ``tune9`` existed: typed recall 0.886, untyped
0.945, precision 0.845, leak 7.1 %, lowest structured type HANDLE 0.778) less a margin. ``seal8`` is sealed:
kept on branch ``heldout8``, refused by training, no floor until the lead scores it after the round.

``tune9`` and ``seal8`` were written together in round heldout8 (benchmarks/results/heldout8.md). ``seal8`` is
sealed: only its aggregate scores were read, by its writer before round six (typed recall 0.929, untyped 0.974,
precision 0.874, leak 6.1 %) and by the lead after the merge (0.926, 0.977, 0.871, 3.5 %); its floor is the
second scoring less a margin. Having been scored after tuning, it was spent: round seven opened it (training
data, floors in-sample less a margin), with ``spent6`` (the lead's private held-out set of round six, 10
transcripts, copied in unchanged), and wrote new sealed sets.

``tune10`` and ``seal9`` were written together in round heldout9 (benchmarks/results/heldout9.md on branch
``heldout9``): twelve new transcripts in two batches of six, split 6/6 by seeded shuffles. ``tune10`` is open:
tune on it; its floor is its score on the detectors of main at the start of round seven (b691c25: rules, and
the CRF and precision stage trained on the 152 transcripts before ``tune10`` existed: typed recall 0.920,
untyped 0.966, precision 0.882, leak 3.8 %, lowest structured type PLATE 0.667) less a margin. ``seal9``
is sealed: only its aggregate scores were read, by its writer before round seven (typed recall 0.892, untyped
0.948, precision 0.859, leak 4.6 %) and by the lead after the merge (0.899, 0.962, 0.868, 3.6 %); its floor is
the second scoring less a margin. Having been scored after tuning, it was spent: round eight opened it
(training data; its floor is now its in-sample score less a margin). ``tune10`` is training data since the
merge (in-sample 0.985, 0.994, 0.965, 1.2 %); its floor stays the one measured before the round. The lead's
private held-out sets of round seven (``sealed-deid7`` and ``sealed-deid8``, scored after the merge) were lost
with the machine they lived on and could not be copied in; round eight's were copied in once scored.

``tune11`` and ``seal10`` were written together in round heldout10 (benchmarks/results/heldout10.md on branch
``heldout10``): twelve new transcripts in two batches of six (the first of the reference study's kind: Sumatran
informants and app-based riders and drivers; the second varied: chat exports, an e-mail, focus groups), split
6/6 by seeded shuffles. Both were scored once, on aggregates only, on the round's baseline (c701050: rules, and
the CRF and precision stage as trained before round eight): ``tune11`` typed recall 0.924, untyped 0.987,
precision 0.855, leak 1.5 %, every structured type 1.0; ``seal10`` 0.961, 0.988, 0.950, 1.0 %, lowest structured
type PLATE 0.75. Their floors are those figures less a margin. ``tune11`` is not in ``OPEN_SPLITS``: it stays
unseen for this round's final measurement, and the next round opens it. ``seal10`` is sealed: refused by
training, its per-document misses never read. Both were scored again after round eight's merge (aggregates
only: ``tune11`` 0.929, 0.987, 0.863, 1.5 %; ``seal10`` 0.961, 0.988, 0.953, 1.0 %): ``seal10`` is spent, and
both were opened at the end of the round (training data since).

``spent9`` and ``spent10`` are the lead's private held-out sets of round eight (``sealed-deid9`` and
``sealed-deid10``, 10 transcripts each, "of the same kind" as the dev corpus: Indonesian interviews in the
reference study's domain in Sumatra and the Riau islands, English gig-worker interviews), written by helpers that
changed no detector, scored on aggregates only before and after the round (benchmarks/README.md), then copied in
unchanged (``build.py`` gives the same gold). Spent, they were opened at the end of round eight with ``tune11``
and ``seal10`` (training data since: 196 transcripts); their floors stay the after-round scores less a margin.

``tune12`` and ``seal11`` were written together in round heldout11 (benchmarks/results/heldout11.md on branch
``heldout11``): twelve new transcripts in two batches of six (the first of the reference study's kind: informants
in Padang and nearby West Sumatra towns, app-based riders and drivers in London boroughs and English towns; the
second varied: WhatsApp exports, an e-mail, focus groups, timestamped interviews), split 6/6 by seeded shuffles.
Both were scored once, on aggregates only, on the round's baseline (880ce7c: rules, and the CRF, precision stage
and organisation context model trained on the 196 open transcripts): ``tune12`` typed recall 0.936, untyped
0.964, precision 0.963, leak 3.2 %, lowest structured type HANDLE 0.50; ``seal11`` 0.958, 0.981, 0.955, 2.4 %,
every structured type 1.0. Their floors are those figures less a margin. ``tune12`` is not in ``OPEN_SPLITS``:
it stayed unseen for round nine's final measurement. ``seal11`` was sealed: refused by training, its
per-document misses never read. Both were scored again after round nine's merge (aggregates only: ``tune12``
0.950, 0.977, 0.963, 1.9 %; ``seal11`` 0.963, 0.986, 0.955, 2.3 %) and opened at the end of the round.

``spent11`` and ``spent12`` are the lead's private held-out sets of round nine (``sealed-deid11`` and
``sealed-deid12``, 10 transcripts each, 6 Indonesian interviews in the reference study's domain in Padang and
West Sumatra and 4 English interviews with London, Bristol and Manchester riders), written by helpers that changed
no detector, scored on aggregates only before and after the round (benchmarks/README.md), copied in unchanged
(``build.py`` gives the same gold) and opened with ``tune12`` and ``seal11`` (228 training transcripts since);
their floors are the after-round scores less a margin.

``tune13`` and ``seal12`` were written together in round heldout12 (benchmarks/results/heldout12.md on branch
``heldout12``): twelve new transcripts in two batches of six (the first of the reference study's kind: informants
in Padang, Payakumbuh and Sawahlunto, app-based riders and a ride-hail driver in London boroughs and Milton
Keynes; the second varied: WhatsApp exports, an e-mail, focus groups, a timestamped interview), split 6/6 by
seeded shuffles. Both were scored once, on aggregates only, on the round's baseline (5fae203: rules, and the
CRF, precision stage and organisation context model trained on the 228 open transcripts): ``tune13`` typed recall
0.985, untyped 0.990, precision 0.976, leak 0.7 %, every structured type 1.0; ``seal12`` 0.967, 0.990, 0.931,
0.6 %, every structured type 1.0. Their floors are those figures less a margin. Both stayed unseen for round
ten's final measurement and were opened for training at the start of round eleven.

``spent13`` and ``spent14`` are the lead's private held-out sets of round ten (``sealed-deid13`` and
``sealed-deid14``, 10 transcripts each, 6 Indonesian interviews in the reference study's domain in Padang and West
Sumatra towns and 4 English interviews with riders in London, Sheffield and Liverpool), written by helpers that
changed no detector, scored on aggregates only before and after the round (benchmarks/README.md) and copied in
unchanged (``build.py`` gives the same gold) and opened with ``tune13`` and ``seal12`` at the start of round
eleven (260 training transcripts since). Their floors are the after-round scores less a margin.

``train15`` holds 14 training transcripts written in round eleven (benchmarks/results/train15.md: 9 Indonesian
interviews of the reference study's kind across Padang's eleven kecamatan and West Sumatra towns, 5 English
interviews with riders in London boroughs and UK cities). They are open training data from the start, never a
held-out set: scored once, on aggregates, on the round's baseline (1b107ee, the model trained on 260 transcripts,
before it had seen them): typed recall 0.947, untyped 0.967, precision 0.969, leak 3.0 %, lowest structured type
DATE 0.97. The floor is that score less the usual margin; once the lead retrains on them the scores are in-sample.
``tune14`` and ``seal13`` were written together in round heldout13 (benchmarks/results/heldout13.md on branch
``heldout13``): twelve new transcripts in two batches of six (the first of the reference study's kind: informants
in Padang and West Sumatra towns, app-based riders and a ride-hail driver in London boroughs and English towns; the
second varied: WhatsApp exports, an e-mail, focus groups, a timestamped interview), split 6/6 by seeded shuffles.
Both were scored once, on aggregates only, on the round's baseline (1b107ee: rules, and the CRF, precision stage
and organisation context model trained on the 260 open transcripts): ``tune14`` typed recall 0.948, untyped
0.976, precision 0.910, leak 3.9 %, lowest structured type URL 0.50; ``seal13`` 0.967, 0.993, 0.957, 1.3 %,
every structured type 1.0. Their floors are those figures less a margin. Both stayed unseen for round eleven's
final measurement and were opened as training data at the start of round twelve.

``train16`` holds 12 more training transcripts written in round eleven by another writer
(benchmarks/results/train16.md: 6 Indonesian interviews of the reference study's kind across Padang's eleven
kecamatan and West Sumatra towns, 6 English interviews with delivery riders and a ride-hail driver in London
boroughs, Leeds, Bristol and Nottingham). Open training data from the start, scored once on aggregates on the same
baseline (1b107ee) before it had seen them: typed recall 0.942, untyped 0.965, precision 0.964, leak 4.3 %, every
structured type 1.0. The floor is that score less the usual margin.

``train17`` holds 14 training transcripts written in round twelve (benchmarks/results/train17.md: 6 Indonesian
interviews of the reference study's kind across Padang's eleven kecamatan and West Sumatra towns, 8 English
interviews with delivery riders and ride-hail drivers in London boroughs and UK cities). Open training data from the
start, scored once on aggregates on the round's baseline (217e382, trained on 318 transcripts) before it had seen
them: typed recall 0.948, untyped 0.966, precision 0.970, leak 6.0 %, lowest structured type DATE 0.977. The floor
is that score less the usual margin.

``spent15`` and ``spent16`` are the lead's private held-out sets of round eleven (``sealed-deid15`` and
``sealed-deid16``, 10 transcripts each, 6 Indonesian interviews in the reference study's domain in Padang and West
Sumatra towns and 4 English interviews with riders in London boroughs, Bristol and Leicester), written by helpers
that changed no detector, scored on aggregates only before and after the round (benchmarks/README.md) and copied
in unchanged (``build.py`` gives the same gold). Round twelve opened them as training data with ``tune14`` and
``seal13``. Their floors are the after-round scores less a margin (in-sample since the retraining).

``tune15`` and ``seal14`` were written together in round heldout14 (benchmarks/results/heldout14.md on branch
``heldout14``): twelve new transcripts in two batches of six (the first of the reference study's kind: informants
in Padang and West Sumatra towns, app-based riders and drivers in London boroughs and UK towns; the second varied:
WhatsApp exports in Android Indonesian and iOS Australian format, an e-mail, focus groups, a timestamped focus
group, an interview with name labels), split 6/6 by seeded shuffles. Both were scored once, on aggregates only, on
the round's baseline (217e382: rules, and the CRF, precision stage and organisation context model trained on the 318
open transcripts): ``tune15`` typed recall 0.938, untyped 0.979, precision 0.909, leak 2.6 %, lowest structured
type DATE 0.96; ``seal14`` 0.959, 0.983, 0.971, 1.6 %, every structured type 1.0. Their floors are those figures
less a margin. Both stayed unseen for round twelve's final measurement and were opened as training data at the start
of round thirteen (in-sample since that retraining).

``spent17`` and ``spent18`` are the lead's private held-out sets of round twelve (``sealed-deid17`` and
``sealed-deid18``, 10 transcripts each, 6 Indonesian interviews in the reference study's domain across Padang and West
Sumatra regencies and 4 English interviews with riders and drivers in London boroughs, Cardiff and Liverpool),
written by helpers that changed no detector, scored on aggregates only before and after the round
(benchmarks/README.md) and copied in unchanged (``build.py`` gives the same gold). They are in ``OPEN_SPLITS``
since round thirteen, opened with ``tune15`` and ``seal14``. Their floors are the after-round scores less a margin.

``tune16`` and ``seal15`` were written together in round heldout15 (benchmarks/results/heldout15.md on branch
``heldout15``): twelve new transcripts in two batches of six (the first of the reference study's kind: informants
in Padang and West Sumatra towns, app-based riders in London boroughs and a Scottish city; the second varied: a
Telegram export, a focus group with ``Peserta N:`` labels, an interview typed from notes with timestamps, a
Slack-like channel export, a letter, a focus group with ``F1:`` labels), split 6/6 by seeded shuffles. Both were
scored once, on aggregates only, on the round's baseline (4fbe7f8: rules, and the CRF, precision stage and
organisation context model trained on the 364 open transcripts): ``tune16`` typed recall 0.951, untyped 0.987,
precision 0.925, leak 2.4 %, lowest structured type DATE 0.964; ``seal15`` 0.958, 0.986, 0.945, 3.7 %, lowest
structured type NATIONAL_ID 0.667 (3 gold). Their floors are those figures less a margin. Both stayed unseen for
round thirteen's final measurement and were opened as training data at the start of round fourteen (in-sample since
that retraining).

``spent19`` and ``spent20`` are the lead's private held-out sets of round thirteen (``sealed-deid19`` and
``sealed-deid20``, 10 transcripts each, 6 Indonesian interviews in the reference study's domain across Padang and West
Sumatra regencies and 4 English interviews with riders in north, north-east, south and south-west London, Leeds and
Edinburgh), written by helpers that changed no detector, scored on aggregates only before and after the round
(benchmarks/README.md) and copied in unchanged (``build.py`` gives the same gold). They are in ``OPEN_SPLITS``
since round fourteen, opened with ``tune16`` and ``seal15``. Their floors are the after-round scores less a margin.

``tune17`` and ``seal16`` were written together in round heldout16 (benchmarks/results/heldout16.md on branch
``heldout16``): twelve new transcripts in two batches of six (the first of the reference study's kind: informants
in Padang and West Sumatra towns, app-based riders in London boroughs, Slough and Cardiff; the second varied: a
WhatsApp export in iOS format, a group interview with ``R1:`` labels, an e-mail thread with quoted replies, a
diary-style written answer, a voice-note transcript with timestamps, a focus group with ``Participant A:``
labels), split 6/6 by seeded shuffles. Both were scored once, on aggregates only, on the round's baseline
(453d933: rules, and the CRF, precision stage and organisation context model trained on the 396 open
transcripts): ``tune17`` typed recall 0.917, untyped 0.974, precision 0.884, leak 2.8 %, every structured type 1.0;
``seal16`` 0.956, 0.987, 0.947, 3.6 %, every structured type 1.0. Their floors are those figures less a margin.
Both stayed unseen for round fourteen's final measurement; both are in ``OPEN_SPLITS`` since round fifteen.

``spent21`` and ``spent22`` are the lead's private held-out sets of round fourteen (``sealed-deid21`` and
``sealed-deid22``, 10 transcripts each, 6 Indonesian interviews in the reference study's domain across Padang and West
Sumatra regencies and 4 English interviews with riders in east, south-east and west London, Bristol and Cardiff),
written by helpers that changed no detector, scored on aggregates only before and after the round
(benchmarks/README.md) and copied in unchanged (``build.py`` gives the same gold). They are in ``OPEN_SPLITS`` since
round fifteen, opened with ``tune17`` and ``seal16``. Their floors are the
after-round scores less a margin.

``tune18`` and ``seal17`` were written together in round heldout17 (benchmarks/results/heldout17.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Padang, Bukittinggi and
Solok, gig and care workers in western Sydney, Cleveland and the West Midlands; the second varied: a Telegram export,
a ``Moderator:`` + ``Peserta N:`` focus group, timestamped field notes, a LINE export, ``Int:``/``Resp:`` labels, a
group interview with first names as labels), split 6/6 by seeded shuffles. Both were scored once, on aggregates only,
on the model shipped at the start of round fifteen (f1a8608): ``tune18`` typed recall 0.948, untyped 0.974,
precision 0.936, leak 4.1 %, lowest structured type PLATE 0.8; ``seal17`` 0.952, 0.987, 0.941, 4.4 %, NATIONAL_ID
0.857. Their floors are those figures less a margin. Both stayed unseen for round fifteen's final measurement; both
are in ``OPEN_SPLITS`` since round sixteen.

``spent23`` and ``spent24`` are the lead's private held-out sets of round fifteen (``sealed-deid23`` and
``sealed-deid24``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain across West Sumatra
regencies and towns (Pesisir Selatan, Solok, Sijunjung, Payakumbuh, Padang Pariaman, Mentawai; Agam, Tanah Datar,
Pasaman Barat, Dharmasraya, Sawahlunto, Padang Panjang) and 4 English interviews with gig and care workers (Sydney,
Brisbane, Houston, Philadelphia; Birmingham, Manchester, Glasgow, Lagos)), written by helpers that changed no
detector, scored on aggregates only before and after the round (benchmarks/README.md) and copied in unchanged
(``build.py`` gives the same gold). They are in ``OPEN_SPLITS`` since round sixteen, opened with ``tune18`` and
``seal17``. Their floors are the after-round scores less a margin.

``tune19`` and ``seal18`` were written together in round heldout18 (benchmarks/results/heldout18.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Pariaman, Lubuk Basung and
Lubuk Sikaping, gig and care workers in Hamilton (Ontario), Christchurch and Cork; the second varied: a WhatsApp
export from Banda Aceh, transcribed voice notes from Jayapura, a Discord channel in Leicester, a ``Fasilitator:``
focus group in Bali, ``R:``/``I:`` labels near Houston, an e-mail thread from Riau), split 6/6 by seeded shuffles.
Both were scored once, on aggregates only, on the round's baseline (f6320c0, trained on 460 transcripts): ``tune19``
typed recall 0.935, untyped 0.972, precision 0.911, leak 5.4 %, lowest structured type HANDLE 0.812; ``seal18``
0.943, 0.984, 0.920, 5.4 %, NATIONAL_ID 0.8. Their floors are those figures less a margin. ``tune19`` stayed
unseen for round sixteen's final measurement and ``seal18`` was sealed; both are in ``OPEN_SPLITS`` since round
seventeen.

``spent25`` and ``spent26`` are the lead's private held-out sets of round sixteen (``sealed-deid25`` and
``sealed-deid26``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain across West Sumatra
regencies and towns (Pariaman, Lubuk Basung, Lima Puluh Kota, Pasaman, Solok Selatan, Mentawai; Padang, Bukittinggi,
Payakumbuh, Sawahlunto, Painan, Dharmasraya) and 4 English interviews with gig and care workers (Toronto, Vancouver,
Auckland, Dublin; Chicago, Atlanta, Perth, Bradford and Leeds)), written by helpers that changed no detector, scored
on aggregates only before and after the round (benchmarks/README.md) and copied in unchanged (``build.py`` gives the
same gold). They are in ``OPEN_SPLITS`` since round seventeen, opened with ``tune19`` and
``seal18``. Their floors are the after-round scores less a margin.

``tune20`` and ``seal19`` were written together in round heldout19 (benchmarks/results/heldout19.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Alahan Panjang, Maninjau
and Kota Solok, gig and care workers in Pietermaritzburg, on the Isle of Lewis and near Llanelli; the second varied:
a Telegram copy from Landak (Kalimantan Barat), a ``Moderator:`` focus group with initials as labels in Takalar, a
Zoom auto-transcript from Singapore, a field diary from Manggarai Timur, a phone interview with a Ghana-born worker in
Amsterdam, an SMS thread from Belfast), split 6/6 by seeded shuffles. Both were scored once, on aggregates only, on
the round's baseline (d360ad1, trained on 492 transcripts): ``tune20`` typed recall 0.926, untyped 0.984, precision
0.849, leak 6.9 %, lowest structured type DATE 0.962; ``seal19`` 0.886, 0.935, 0.841, 7.9 %, every structured type
1.0. Their floors are those figures less a margin. ``tune20`` stayed unseen for round seventeen's final measurement
and ``seal19`` was sealed; both are in ``OPEN_SPLITS`` since round eighteen.

``spent27`` and ``spent28`` are the lead's private held-out sets of round seventeen (``sealed-deid27`` and
``sealed-deid28``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain (Padang's Koto Tangah,
Kuranji and Lubuk Begalung, Painan, Kambang, Batusangkar; Bukittinggi, Maninjau, Padang Pariaman, Simpang Empat,
Sijunjung, Dharmasraya) and 4 English interviews with gig and care workers (Melbourne, Adelaide, Newcastle upon Tyne,
Belfast; Los Angeles, Phoenix, Nairobi, Cardiff)), written by helpers that changed no detector, scored on aggregates
only before and after the round (benchmarks/README.md) and copied in unchanged (``build.py`` gives the same gold).
They are in ``OPEN_SPLITS`` since round eighteen, opened with ``tune20`` and ``seal19``. Their floors are the
after-round scores less a margin.

``tune21`` and ``seal20`` were written together in round heldout20 (benchmarks/results/heldout20.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Surian, Talu and Pangkalan
Koto Baru, gig and care workers in Bengaluru, Glasgow and Lagos; the second varied: field notes in bullets from
Pringgasela (Lombok Timur), a ``P1:``..``P4:`` focus group in Belinyu (Bangka), an Otter-style transcript from Kuala
Lumpur, a WhatsApp Android export from Banda Aceh, a Facebook Messenger copy from Kingston (Jamaica), an e-mail thread
from Birmingham), split 6/6 by seeded shuffles. Both were scored once, on aggregates only, on the round's baseline
(49f9c17, trained on 524 transcripts): ``tune21`` typed recall 0.928, untyped 0.966, precision 0.934, leak 8.6 %,
lowest structured type DATE 0.933; ``seal20`` 0.907, 0.943, 0.941, 7.8 %, lowest structured type NATIONAL_ID and
PLATE 0.8. Their floors are those figures less a margin. ``tune21`` stayed unseen for round eighteen's final
measurement and ``seal20`` was sealed; both are in ``OPEN_SPLITS`` since round nineteen.

``spent29`` and ``spent30`` are the lead's private held-out sets of round eighteen (``sealed-deid29`` and
``sealed-deid30``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain (Padang Panjang,
Lintau Buo, Singkarak, Balai Selasa, Tuapejat, Padang's Pauh; Lubuk Sikaping, Rao, Tiku, Palembayan, Bungus Teluk
Kabung, Nanggalo, Muaro Labuh) and 4 English interviews with gig and care workers (Manchester, Brisbane, Kingston,
Hong Kong; Liverpool, San Antonio, Dunedin, Accra)), written by helpers that changed no detector, scored on
aggregates only before and after the round (benchmarks/README.md) and copied in unchanged (``build.py`` gives the
same gold). They are in ``OPEN_SPLITS`` since round nineteen, opened with ``tune21`` and ``seal20``. Their floors
are the after-round scores less a margin.

``tune22`` and ``seal21`` were written together in round heldout21 (benchmarks/results/heldout21.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in West Sumatra places not
used lately, gig and care workers in Toronto, Johannesburg and Leeds; the second varied: a Signal export from
Singkawang, a Zoom VTT transcript from Kabupaten Kupang, a researcher's diary from Palu, a Google Meet transcript from
Dublin, an SMS backup from Houston, interviewer's notes from Karachi), split 6/6 by seeded shuffles. Both were scored
once, on aggregates only, on the round's baseline (05c8882, trained on 556 transcripts): ``tune22`` typed recall
0.942, untyped 0.981, precision 0.933, leak 7.6 %, lowest structured type NATIONAL_ID 0.6; ``seal21`` 0.905, 0.952,
0.938, 11.9 %, lowest structured type NATIONAL_ID 0.8. Their floors are those figures less a margin. ``tune22`` stayed
unseen for round nineteen's final measurement and ``seal21`` was sealed; both are in ``OPEN_SPLITS`` since round twenty.

``spent33`` and ``spent34`` are the lead's private held-out sets of round twenty (``sealed-deid33`` and
``sealed-deid34``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain in Tanah Datar, Solok
Selatan, Pasaman, Padang Pariaman, Sijunjung and Padang / Limapuluh Kota, Agam, Pesisir Selatan, Pariaman, Solok and
Padang's coast, and 4 English interviews with gig and care workers (Newcastle upon Tyne, Adelaide, Montreal, Port
Harcourt / Belfast, Hobart, Seattle, Nairobi, by their suburbs)), written by helpers that changed no detector, scored
on aggregates only before and after the round (benchmarks/README.md) and copied in unchanged (``build.py`` gives the
same gold). They are in ``OPEN_SPLITS`` since round twenty-one, opened with ``tune23`` and ``seal22``. Their floors are the after-round scores less a margin.

``spent39`` and ``spent40`` are the lead's private held-out sets of round twenty-three (``sealed-deid39`` and
``sealed-deid40``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain (Air Molek, Muara
Sabak, Sengeti, Tais, Nagari Kapuh, Bintuhan / nagari and towns of Sijunjung, Solok, Pasaman, Dharmasraya and
Mandailing Natal) and 4 English interviews with gig, care, domestic and seasonal workers (Pwllheli, Camrose, Hervey
Bay, Fort Portal / Dingwall, Hermiston, Geeveston, Koforidua), in LINE and WhatsApp exports, Zoom and Meet
transcripts, focus groups and voice notes), written by helpers that changed no detector, scored on aggregates only
before and after the round (benchmarks/README.md) and copied in unchanged (``build.py`` gives the same gold). They
are in ``OPEN_SPLITS`` since round twenty-four, opened with ``tune26`` and ``seal25``. Their floors are the
after-round scores less a margin.

``spent41`` and ``spent42`` are the lead's private held-out sets of round twenty-four (``sealed-deid41`` and
``sealed-deid42``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain (nagari of Agam and
Solok, Asam Jujuhan, Rantau Panjang, Pangkalan Kuras / Stabat, Perbaungan, Kotapinang, Tarempa, Muara Aman, Dabo
Singkep) and 4 English interviews with gig, care, domestic and seasonal workers (Athlone, Blenheim, Wichita, Naivasha
/ Mildura, Machakos, Lethbridge, Baguio), in Telegram and WhatsApp exports, Meet, Zoom and Otter-style transcripts,
an e-mail thread, focus groups and voice notes), written by helpers that changed no detector, scored on aggregates
only before and after the round (benchmarks/README.md) and copied in unchanged (``build.py`` gives the same gold).
They are in ``OPEN_SPLITS`` since round twenty-five, opened with ``tune27`` and ``seal26``. Their floors are the
after-round scores less a margin.

``spent43`` and ``spent44`` are the lead's private held-out sets of round twenty-five (``sealed-deid43`` and
``sealed-deid44``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain (nagari of Pesisir
Selatan, Tanah Datar, Lima Puluh Kota, Dharmasraya, Sijunjung and Pamenang in Jambi / Kataping, Sirombu, Labuhan
Bilik, Ketahun, Ranai, Manggung) and 4 English interviews with gig, care, domestic and seasonal workers (Stranraer,
Ennis, Masterton, Upington / Hattiesburg, Red Deer, Mysuru, Techiman), in WhatsApp and Messenger exports, Zoom and
Otter-style transcripts, focus groups and voice notes), written by helpers that changed no detector, scored on
aggregates only before and after the round (benchmarks/README.md) and copied in unchanged (``build.py`` gives the
same gold). They are in ``OPEN_SPLITS`` since round twenty-six, opened with ``tune28`` and ``seal27``. Their floors
are the after-round scores less a margin.

``spent51`` and ``spent52`` are the lead's private held-out sets of round twenty-nine (``sealed-deid51`` and
``sealed-deid52``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain (Pasaman Barat, Padang
Pariaman, Sawahlunto, Sijunjung, Sarolangun, Bengkulu / Agam, Solok, Pesisir Selatan, Payakumbuh and Bukittinggi, Duri,
Rantauprapat) and 4 English interviews with care, gig, domestic and seasonal workers (Limerick, Blairgowrie, Southland,
Nakuru and Brampton / Stoke-on-Trent, Cape Town, Gurugram, Yakima and Mildura), in WhatsApp Android and iOS and Telegram
exports, focus groups, voice notes, Zoom transcripts and names as labels), written by helpers that changed no detector,
scored on aggregates only before and after the round (benchmarks/README.md) and copied in unchanged (ids renamed
``sd51-*``/``sd52-*``; ``build.py`` gives the same gold). They are not in ``OPEN_SPLITS`` yet (training refuses them): the
next round opens them with ``tune32`` and ``seal31``. Their floors are the after-round scores less a margin.

``spent49`` and ``spent50`` are the lead's private held-out sets of round twenty-eight (``sealed-deid49`` and
``sealed-deid50``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain (Tanjung Barulak,
Piladang, Indrapura, Kuok, Bagan Siapiapi, Mungka / Matua Mudiak, Kersik Tuo, Lubuk Malako, Silago, Simpang Gambir,
Muarasoma) and 4 English interviews with care, gig, domestic and seasonal workers (Llanelli, Sudbury, Bundaberg, Cape
Coast / Blairgowrie, Harlingen, Manjimup, Ndola), in WhatsApp Android and Messenger exports, Telegram voice notes,
Google Meet and Teams transcripts, Signal chats, focus groups and names as labels), written by helpers that changed
no detector, scored on aggregates only before and after the round (benchmarks/README.md) and copied in unchanged
(``build.py`` gives the same gold). They are in ``OPEN_SPLITS`` since round twenty-nine, opened with ``tune31`` and
``seal30``. Their floors are the after-round scores less a margin.

``spent47`` and ``spent48`` are the lead's private held-out sets of round twenty-seven (``sealed-deid47`` and
``sealed-deid48``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain (Pitalah, Cingkariang,
Mahat, Malampah, Muara Takus, Cubadak Air / Bidar Alam, Saniangbaka, Gantung Ciri, Kerkap, Sungai Manau, Merlung)
and 4 English interviews with gig, care, domestic and seasonal workers (Joplin, Renmark, Castlebar, Ceres / Renmark,
Stellenbosch, Castries, Arusha), in WhatsApp iOS, Messenger and Telegram voice-note exports, Zoom and Google Meet
transcripts, Otter-style transcripts, focus groups and field notes), written by helpers that changed no detector,
scored on aggregates only before and after the round (benchmarks/README.md) and copied in unchanged (``build.py``
gives the same gold). They are in ``OPEN_SPLITS`` since round twenty-eight, opened with ``tune30`` and ``seal29``.
Their floors are the after-round scores less a margin.

``spent45`` and ``spent46`` are the lead's private held-out sets of round twenty-six (``sealed-deid45`` and
``sealed-deid46``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain (Mentawai, Solok
Selatan, Agam's lakeside nagari, Kerinci, Rokan Hulu, Kaur / the Padang Pariaman coast, Pasaman, Kuantan Singingi,
Muaro Jambi, Natal, Simeulue) and 4 English interviews with gig, care, domestic and seasonal workers (Llandudno,
Enniskillen, Elko, Livingstone / Brora, Wynyard, Biddeford, Jinja), in Telegram and WhatsApp exports, Zoom and Teams
transcripts, Otter-style transcripts, an e-mail thread, focus groups, field notes and voice notes), written by helpers
that changed no detector, scored on aggregates only before and after the round (benchmarks/README.md) and copied in
unchanged (``build.py`` gives the same gold). They are in ``OPEN_SPLITS`` since round twenty-seven, opened with
``tune29`` and ``seal28``. Their floors are the after-round scores less a margin.

``spent37`` and ``spent38`` are the lead's private held-out sets of round twenty-two (``sealed-deid37`` and
``sealed-deid38``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain (Pasaman Barat, Teluk
Kuantan, Muara Bungo, Lipat Kain, Lubuk Pinang, Tanah Datar / Solok, Agam, Solok Selatan, Limapuluh Kota, Teluk
Kuantan, Muara Bungo) and 4 English interviews with gig, care, domestic and seasonal workers (Dungarvan, Muskogee,
Motueka, Nakuru / Tullamore, Dumaguete, Pietermaritzburg, Sioux Falls), in chat exports, meeting transcripts, focus
groups and voice notes), written by helpers that changed no detector, scored on aggregates only before and after the
round (benchmarks/README.md) and copied in unchanged (``build.py`` gives the same gold). They are in
``OPEN_SPLITS`` since round twenty-three, opened with ``tune25`` and ``seal24``. Their floors are the after-round
scores less a margin.

``spent35`` and ``spent36`` are the lead's private held-out sets of round twenty-one (``sealed-deid35`` and
``sealed-deid36``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain in Dharmasraya,
Pasaman Barat, Agam, Tanah Datar, Pesisir Selatan and Padang / Solok, Limapuluh Kota, Agam, Padang Pariaman, Mentawai
and Padang, by their nagari, and 4 English interviews with gig and care workers (Sheffield, Wollongong, Winnipeg,
Kampala / Swindon and towns of Victoria, Nova Scotia and Zambia)), written by helpers that changed no detector, scored
on aggregates only before and after the round (benchmarks/README.md) and copied in unchanged (``build.py`` gives the
same gold). They are in ``OPEN_SPLITS`` since round twenty-two, opened with ``tune24`` and ``seal23``. Their floors
are the after-round scores less a margin.

``spent31`` and ``spent32`` are the lead's private held-out sets of round nineteen (``sealed-deid31`` and
``sealed-deid32``, 10 transcripts each: 6 Indonesian interviews in the reference study's domain (Talawi, Silungkang,
Sitiung, Lunang, Kamang, Padang's Lubuk Kilangan; Ujung Gading, Suliki, Baso, Sungai Tarab, Pulau Punjung, Padang's
Air Tawar) and 4 English interviews with gig and care workers (Bristol, Perth, Vancouver, Abuja; Leicester, Canberra,
Chicago, Harare)), written by helpers that changed no detector, scored on aggregates only before and after the round
(benchmarks/README.md) and copied in unchanged (``build.py`` gives the same gold). They are in ``OPEN_SPLITS`` since
round twenty, opened with ``tune22`` and ``seal21``. Their floors are the after-round scores less a margin.

``tune23`` and ``seal22`` were written together in round heldout22 (benchmarks/results/heldout22.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in West Sumatra places not
used lately, gig and care workers in Glasgow, Atlanta and Auckland; the second varied: a Telegram copy from Ambon,
WhatsApp voice notes from Mataram, a Microsoft Teams transcript from Edinburgh, a focus group from Rejang Lebong, an
e-mail thread from Cape Town, field notes from Mumbai), split 6/6 by seeded shuffles. Both were scored once, on
aggregates only, on the round's baseline (1598d167, trained on 588 transcripts): ``tune23`` typed recall 0.950,
untyped 0.973, precision 0.943, leak 8.3 %, every structured type 1.0; ``seal22`` 0.909, 0.965, 0.919, 8.9 %, lowest
structured type NATIONAL_ID 0.75. Their floors are those figures less a margin. ``tune23`` stayed
unseen for round twenty's final measurement and ``seal22`` was sealed; both are in ``OPEN_SPLITS`` since round
twenty-one.

``tune24`` and ``seal23`` were written together in round heldout23 (benchmarks/results/heldout23.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Pesisir Selatan's Ampang
Pulai, Sijunjung's Tanjung Gadang and Padang's Gunung Sarik, gig and care workers in Cardiff, Brisbane and Houston;
the second varied: a LINE export from Pontianak, a focus group from Bone Bolango (Gorontalo), an SMS thread from
Baubau, a Zoom transcript from Leeds, a Google Meet transcript from Brampton, a letter from Accra), split 6/6 by
seeded shuffles. Both were scored once, on aggregates only, on the round's baseline (a616b1d9, trained on 634
transcripts): ``tune24`` typed recall 0.894, untyped 0.976, precision 0.864, leak 8.0 %, lowest structured type
NATIONAL_ID 0.6; ``seal23`` 0.931, 0.963, 0.947, 6.0 %, every structured type 1.0. Their floors are those figures
less a margin. ``tune24`` stayed unseen for round twenty-one's final measurement and ``seal23`` was sealed; both are
in ``OPEN_SPLITS`` since round twenty-two.

``tune25`` and ``seal24`` were written together in round heldout24 (benchmarks/results/heldout24.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Pesisir Selatan's
Inderapura, Padang Pariaman's Pauh Kamang and Lima Puluh Kota's Batu Hampar, gig and care workers in Plymouth, Omaha
and Shreveport; the second varied: a Telegram export from Sumenep, a Microsoft Teams meeting from Merauke, field notes
from Kopang (Lombok Tengah), an Otter-style transcript from Singapore, an e-mail thread from Nairobi, a questionnaire's
open answers from Hawke's Bay), split 6/6 by a seeded shuffle. Both were scored once, on aggregates only, on the
round's baseline (f5215ffa, trained on 680 transcripts): ``tune25`` typed recall 0.961, untyped 0.977, precision
0.966, leak 6.0 %, lowest structured type NATIONAL_ID 0.875; ``seal24`` 0.919, 0.959, 0.923, 10.8 %, lowest
structured type DATE 0.933. Their floors are those figures less a margin. ``tune25`` stayed unseen for round
twenty-two's final measurement and ``seal24`` was sealed; both are in ``OPEN_SPLITS`` since round twenty-three.

``tune26`` and ``seal25`` were written together in round heldout25 (benchmarks/results/heldout25.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Pasaman Barat's Koto
Balingka, Lima Puluh Kota's Sungai Kamuyang and Kampar's Kuok (Riau), gig, care and domestic workers in Knoxville,
Moncton and Gqeberha; the second varied: a WhatsApp iOS-style export from Barabai, a focus group from Langowan, a
diary from a holding house in Kupang, a Zoom group interview from Negril, a WhatsApp Android-style export from
Lucknow, voice notes from Warri), split 6/6 by a seeded shuffle. Both were scored once, on aggregates only, on the
round's baseline (654b8aeb, trained on 726 transcripts): ``tune26`` typed recall 0.936, untyped 0.981, precision
0.933, leak 5.2 %, lowest structured type PHONE 0.923; ``seal25`` 0.960, 0.985, 0.964, 3.2 %, lowest structured type
PLATE 0.833. Their floors are those figures less a margin. ``tune26`` stayed unseen for round twenty-three's final
measurement and ``seal25`` was sealed; both are in ``OPEN_SPLITS`` since round twenty-four.

``tune27`` and ``seal26`` were written together in round heldout26 (benchmarks/results/heldout26.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Pesisir Selatan's Air
Haji, Agam's Tanjung Sani and Kerinci's Semurup (Jambi), gig, care and domestic workers in Derry, Mombasa and
Wichita; the second varied: a Telegram export from Sengkang, field notes from Larantuka, an Otter-style meeting
transcript from Bagansiapiapi, an e-mail thread from Blenheim, a Teams focus group from Cagayan de Oro, a
questionnaire's open answers from Bendigo), split 6/6 by a seeded shuffle. Both were scored once, on aggregates
only, on the round's baseline (0ae3982b, trained on 772 open transcripts): ``tune27`` typed recall 0.965, untyped
0.990, precision 0.982, leak 1.6 %, lowest structured type PLATE 0.857; ``seal26`` 0.955, 0.979, 0.947, 3.1 %,
every structured type 1.00. Their floors are those figures less a margin. ``tune27`` stayed unseen for round
twenty-four's final measurement and ``seal26`` was sealed; both are in ``OPEN_SPLITS`` since round twenty-five.

``tune28`` and ``seal27`` were written together in round heldout27 (benchmarks/results/heldout27.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Pasaman Barat's Sasak,
Sijunjung's Tanjung Ampalu and Kuantan Singingi's Taluk Kuantan (Riau), gig, care and domestic workers in Boise,
Thunder Bay and Mysuru; the second varied: a WhatsApp iOS-style export from Amurang, a Zoom group transcript from
Kepanjen, voice notes from Saumlaki, a Signal export from Cape Coast, a Google Meet focus group from Te Puke, a
carer's diary from Limerick), split 6/6 by a seeded shuffle. Both were scored once, on aggregates only, on the
round's baseline (BASE fd0e9e57, trained on 786 open transcripts): ``tune28`` typed recall 0.948, untyped 0.993,
precision 0.959, leak 0.6 %, every structured type 1.00; ``seal27`` 0.958, 0.985, 0.966, 2.5 %, every structured
type 1.00. Their floors are those figures less a margin. ``tune28`` stayed unseen for round twenty-five's final
measurement and ``seal27`` was sealed; both are in ``OPEN_SPLITS`` since round twenty-six.

``tune29`` and ``seal28`` were written together in round heldout28 (benchmarks/results/heldout28.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Padang Lawas Utara's
Gunung Tua (North Sumatra), Rokan Hulu's Dalu-Dalu and Pelalawan's Langgam (Riau), gig, care and domestic workers
in Hull, Fargo and Kelowna; the second varied: a Telegram export from Pamekasan, field notes from Manokwari, a
questionnaire's open answers from Timor Tengah Selatan, an e-mail thread from Port Antonio, a Teams focus group
from Kericho, a WhatsApp Android export from Calabar), split 6/6 by a seeded shuffle. Both were scored once, on
aggregates only, on the round's baseline (BASE e3768dd2, trained on 832 open transcripts): ``tune29`` typed recall
0.975, untyped 1.000, precision 0.965, leak 0.2 %, every structured type 1.00; ``seal28`` 0.955, 0.990, 0.955,
1.0 %, lowest structured type HANDLE 0.833. Their floors are those figures less a margin. ``tune29`` stayed unseen
for round twenty-six's final measurement and ``seal28`` was sealed; both are in ``OPEN_SPLITS`` since round
twenty-seven.

``tune30`` and ``seal29`` were written together in round heldout29 (benchmarks/results/heldout29.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Tanjung Jabung Barat's
Merlung (Jambi), Padang Lawas's Sosa (North Sumatra) and Bengkulu Utara's Kerkap (Bengkulu), gig, care and domestic
workers in Spokane, Invercargill and Lancaster; the second varied: a WhatsApp iOS-style export from Sumbawa Besar, a
Zoom focus group from Tanjung Pandan, voice notes from Bulungan, a Signal export from Port Elizabeth, an
Otter-style transcript from Evansville, a meeting's minutes from Lautoka), split 6/6 by a seeded shuffle. Both were
scored once, on aggregates only, on the round's baseline (BASE f2be5267, trained on 878 open transcripts):
``tune30`` typed recall 0.981, untyped 0.993, precision 0.985, leak 0.7 %, every structured type 1.00; ``seal29``
0.965, 0.986, 0.982, 2.4 %, lowest structured type URL 0.800. Their floors are those figures less a margin.
``tune30`` stayed unseen for round twenty-seven's final measurement and ``seal29`` was sealed; both are in
``OPEN_SPLITS`` since round twenty-eight.

``tune31`` and ``seal30`` were written together in round heldout30 (benchmarks/results/heldout30.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Bungo's Tanah Tumbuh
(Jambi), Rokan Hulu's Kunto Darussalam (Riau) and Solok's Hiliran Gumanti (West Sumatra), care, delivery and
cleaning workers in Amarillo, Peoria and Cairns; the second varied: a LINE export from Namlea (Buru), an online
focus group transcript from Luwuk, open answers of a questionnaire from the Selayar Islands, a Telegram export from
Ruiru, an e-mail thread from Whanganui, a researcher's field notes from Tuguegarao), split 6/6 by a seeded shuffle.
Both were scored once, on aggregates only, on the round's baseline (BASE c4b2f2be, trained on 924 open
transcripts): ``tune31`` typed recall 0.956, untyped 0.976, precision 0.969, leak 1.7 %, lowest structured type
DATE 0.97; ``seal30`` 0.962, 0.990, 0.946, 2.0 %, lowest structured type DATE 0.97. Their floors are those figures
less a margin. ``tune31`` stays unseen for round twenty-eight's final measurement and is opened by the next round;
``seal30`` was sealed. Both are in ``OPEN_SPLITS`` since round twenty-nine.

``tune32`` and ``seal31`` were written together in round heldout31 (benchmarks/results/heldout31.md): twelve new
transcripts in two batches of six (the first of the reference study's kind: informants in Lahat (South Sumatra),
Tabalong's Murung Pudak (South Kalimantan) and Poso (Central Sulawesi), a mushroom picker in Carrickmacross, a
domestic worker in Bloemfontein and an elder carer in Taiping; the second varied: a WhatsApp Android export from
Dompu, a women's group's meeting transcript with time stamps from Sangatta, an e-mail thread from Kalabahi (Alor), an
SMS export from Bhubaneswar, a focus group from Uyo, a questionnaire's open answers from around Christiana
(Jamaica)), split 6/6 by a seeded shuffle. Both were scored once, on aggregates only, on the round's baseline (BASE
4c8f068b, trained on 970 open transcripts): ``tune32`` typed recall 0.952, untyped 0.959, precision 0.956, leak
3.7 %, lowest structured type DATE 0.97; ``seal31`` 0.950, 0.966, 0.956, 2.9 %, lowest structured type DATE 0.97.
Their floors are those figures less a margin. ``tune32`` stays unseen for round twenty-nine's final measurement and
is opened by the next round (it is not in ``OPEN_SPLITS``, so training refuses it); ``seal31`` was sealed.

``train21`` holds 14 training transcripts written in round twenty (benchmarks/results/train21.md: 7 Indonesian
interviews of the reference study's kind in West Sumatra, the Riau Islands, Jambi, South Kalimantan, Central Java
and North Maluku, 7 English interviews with gig and care workers in Swansea, Halifax (Nova Scotia), Christchurch,
Lagos, Birmingham (Alabama), Kolkata and Hobart). Open training data from the start, scored once on aggregates on
the round's baseline (1598d167, trained on 588 transcripts) before it had seen them: typed recall 0.931, untyped
0.964, precision 0.948, leak 8.6 %, lowest structured type NATIONAL_ID 0.583. The floor is that score less the usual
margin.

``train22`` holds 14 training transcripts written in round twenty-one (benchmarks/results/train22.md: 7 Indonesian
interviews of the reference study's kind in Simeulue (Aceh), North Nias, Bangka, Garut (Priangan), Pinrang (South
Sulawesi), Ngada (NTT) and Tanah Datar, 7 English interviews with gig and care workers in Townsville, Durban,
Porirua, Ilorin, Saskatoon, Nagpur and Sunderland). Open training data from the start, scored once on aggregates on
the round's baseline (a616b1d9, trained on 634 transcripts) before it had seen them: typed recall 0.902, untyped
0.943, precision 0.935, leak 11.3 %, lowest structured type NATIONAL_ID 0.704. The floor is that score less the usual
margin.

``train23`` holds 14 training transcripts written in round twenty-two (benchmarks/results/train23.md: 7 Indonesian
interviews of the reference study's kind in East Lombok (Sasak), Sumenep (Madura), Minahasa, Saparua (Central
Maluku), Sentani (Jayapura), Hulu Sungai Selatan (Banjar) and Timor Tengah Selatan, 7 English interviews with gig,
care and domestic workers in Galway, Des Moines, Kingston (Jamaica), Nairobi, Davao City, Perth and Carnarvon, and
Glasgow). Open training data from the start, scored once on aggregates on the round's baseline (f5215ffa, trained on
680 transcripts) before it had seen them: typed recall 0.919, untyped 0.947, precision 0.954, leak 7.7 %, lowest
structured type NATIONAL_ID 0.625. The floor is that score less the usual margin.

``train24`` holds 14 training transcripts written in round twenty-three (benchmarks/results/train24.md: 7 Indonesian
interviews of the reference study's kind in Bangil (Pasuruan), Nabire (Papua Tengah), Palopo (Luwu), Aceh Tengah
(Gayo), Jembrana (Bali), Selatpanjang (Kepulauan Meranti) and Jeneponto (Makassar), 7 English interviews with gig,
care and domestic workers in Little Rock, Polokwane, Tamale, Saskatoon, Gisborne, Coventry and Pune). Open training
data from the start, scored once on aggregates on the round's baseline (654b8aeb, trained on 726 transcripts) before
it had seen them: typed recall 0.924, untyped 0.962, precision 0.934, leak 8.1 %, lowest structured type URL 0.667
(NATIONAL_ID 0.733). The floor is that score less the usual margin.

``train25`` holds 14 training transcripts written in round twenty-four (benchmarks/results/train25.md: 7 Indonesian
interviews of the reference study's kind in Payakumbuh (Minang), Soe (Timor Tengah Selatan), Selong (Lombok Timur),
Barabai (Hulu Sungai Tengah), Tondano (Minahasa), Sumenep (Madura) and Masohi (Maluku Tengah), 7 English interviews
with gig, care and domestic workers in Limerick, Toledo (Ohio), Ibadan, Kisumu, Montego Bay, Toowoomba and
Singapore). Open training data from the start, scored on aggregates on the round's baseline (0ae3982b, trained on
772 transcripts) before it had seen them: typed recall 0.936, untyped 0.950, precision 0.965, leak 8.9 %, lowest
structured type NATIONAL_ID 0.688. The floor is that score less the usual margin.

``train26`` holds 14 training transcripts written in round twenty-five (benchmarks/results/train26.md: 7 Indonesian
interviews of the reference study's kind in Pematangsiantar (Batak), Watampone (Bone, Bugis), Sentani (Jayapura),
Gianyar (Bali), Singkawang (Chinese-Indonesian), Tasikmalaya (Sunda) and Pekalongan (Arab-Javanese), 7 English
interviews, diaries and chats with gig, care and domestic workers in Dunedin, Accra, Winnipeg, Birmingham (Alabama),
Swansea, Durban and Kochi). Open training data from the start, scored once on aggregates on the round's baseline
(fd0e9e57, trained on 786 transcripts) before it had seen them: typed recall 0.951, untyped 0.974, precision 0.963,
leak 7.0 %, lowest structured type NATIONAL_ID 0.786. The floor is that score less the usual margin.

``train27`` holds 14 training transcripts written in round twenty-six (benchmarks/results/train27.md: 7 Indonesian
interviews, chats, voice notes and questionnaire answers of the reference study's kind in Kotamobagu (Mongondow),
Atambua (Belu, Timor), Sungailiat (Bangka, Chinese-Indonesian), Jepara (Java), Merauke (Papua Selatan), Baubau
(Buton) and Kandangan (Banjar), 7 English interviews, chats and an e-mail thread with gig, care, domestic and
seasonal workers in Coleraine, Wichita, Regina, Bendigo, Bacolod, Nakuru and Kilmarnock). Open training data from
the start, scored once on aggregates on the round's baseline (e3768dd2, trained on 832 transcripts) before it had
seen them: typed recall 0.963, untyped 0.983, precision 0.966, leak 6.7 %, lowest structured type NATIONAL_ID 0.786.
The floor is that score less the usual margin.

``train28`` holds 14 training transcripts written in round twenty-seven (benchmarks/results/train28.md: 7 Indonesian
interviews, chats, a Meet transcript, field notes and voice notes in Amlapura (Bali), Airmadidi (Minahasa), Bangkalan
(Madura), Tanjung Selor (Bulungan), Ruteng (Manggarai), Nabire (Papua Tengah) and Sengkang (Wajo, Bugis), 7 English
interviews, chats, a Teams transcript, a diary and voice notes with gig, care, domestic and seasonal workers in
Lubbock, Peterborough, Drogheda, Timaru, Eldoret, Dumaguete and Polokwane). Open training data from the start,
scored once on aggregates on the round's baseline (f2be5267, trained on 878 transcripts) before it had seen them:
typed recall 0.925, untyped 0.961, precision 0.958, leak 7.1 %, lowest structured type NATIONAL_ID 0.714. The floor
is that score less the usual margin.

``train29`` holds 14 training transcripts written in round twenty-eight (benchmarks/results/train29.md: 7 Indonesian
interviews, chats (WhatsApp Android, Telegram), a Zoom transcript, field notes and voice notes in Piladang (Lima Puluh
Kota, Minang), Banjarmasin (Banjar), Gunungkidul (Java), Garut (Sunda), Parepare (Bugis), Kupang (Timor) and
Singkawang (Chinese-Indonesian), 7 English interviews, chats (WhatsApp Android, Messenger), a Zoom and an Otter-style
transcript and an e-mail thread with care, domestic, hotel and delivery workers in Wigston, Kumasi, Runaway Bay,
Portage la Prairie, Kampala, Hyderabad and Jackson, Mississippi). Open training data from the start, scored once on
aggregates on the round's baseline (BASE c4b2f2be, trained on 924 transcripts) before it had seen them: typed recall
0.959, untyped 0.980, precision 0.961, leak 5.5 %, lowest structured type DATE 0.930. The floor is that score less
the usual margin.

``train30`` holds 14 training transcripts written in round twenty-nine (benchmarks/results/train30.md: 7 Indonesian
interviews, chats (WhatsApp iPhone, Telegram), a focus group, a Google Meet transcript and field notes in Ampek Angkek
(Agam, Minang), Tegal (Java), Sigi (Central Sulawesi), Ternate (North Maluku), Lubuklinggau (South Sumatra), Bima
(Sumbawa) and Tanjungpinang (Riau Islands), 7 English interviews, a focus group, a WhatsApp (iPhone) export, a Teams
transcript and field notes with seasonal, domestic, care and gig workers in Stanthorpe, Norfolk County (Ontario),
Herefordshire, Singapore, Johannesburg, Dallas and Galway). Open training data from the start, scored once on
aggregates on the round's baseline (BASE 4c8f068b, trained on 970 transcripts) before it had seen them: typed recall
0.9505, untyped 0.9661, precision 0.9522, leak 3.37 %, lowest structured type HANDLE 0.929. The floor is that score
less the usual margin.

Every other split has been consulted while tuning. ``tune5`` was called ``sealed3`` in the round of deid2.md and
presented as held out; it was not clean: detector rules were written then for strings that occur only in it (a
Ghana Card, a seaman's book, a legend code), so it is a tuning split and was renamed. ``sealed`` and ``sealed2``
keep their names from when they were written, but both have been tuned on since (see docs/deidentification.md).

Since the learned layer (makna.privacy.learned, branch deidml), every split here, and the shared dev corpus,
are also its training data or will be at the next retraining (``seal7`` is never read by training or
cross-validation): the scores these floors guard are in-sample for the model, no longer held-out figures
of any kind. The model's held-out gain is measured by leave-one-split-out cross-validation instead
(benchmarks/deid_learned_cv.py, benchmarks/results/deidml.md); the floors were raised to the measured in-sample
values less a margin."""

from __future__ import annotations

from pathlib import Path

import pytest

from makna.privacy import evaluate

CORPUS = Path(__file__).parent / "corpus"

# split: (typed recall, untyped recall, precision, highest leak rate, lowest structured-type recall)
FLOORS = {
    "tune": (0.99, 0.99, 0.99, 0.005, 1.0),
    "tune2": (0.99, 0.99, 0.98, 0.005, 1.0),
    # tune3 predates the convention that a street without a house number is a LOCATION (heldout6.md); two of
    # its ADDRESS spans are such streets, now found as LOCATION (untyped 1.0): typed recall and precision 0.98 -> 0.975 (deidstruct)
    "tune3": (0.975, 0.99, 0.975, 0.01, 1.0),
    "tune4": (0.95, 0.99, 0.94, 0.04, 1.0),
    "tune5": (0.95, 0.985, 0.90, 0.04, 1.0),
    "tune6": (0.97, 0.99, 0.96, 0.04, 1.0),
    "sealed": (0.98, 0.99, 0.97, 0.005, 1.0),
    "sealed2": (0.965, 0.99, 0.93, 0.015, 1.0),
    "seal4": (0.955, 0.975, 0.93, 0.025, 1.0),
    "tune7": (0.935, 0.975, 0.91, 0.04, 1.0),
    "seal6": (0.905, 0.94, 0.855, 0.058, 0.84),
    "tune8": (0.89, 0.95, 0.845, 0.055, 0.92),
    # spent after round five: training data since round six (in-sample values less a margin)
    "seal7": (0.95, 0.975, 0.91, 0.045, 0.8),
    "spent2": (0.915, 0.965, 0.90, 0.03, 0.7),
    "spent3": (0.945, 0.97, 0.88, 0.04, 0.8),
    "spent4": (0.925, 0.97, 0.80, 0.05, 0.7),
    "spent5": (0.915, 0.965, 0.835, 0.07, 0.7),
    # sealed in round six, spent after it; training data since round seven (in-sample values less a margin)
    "seal8": (0.925, 0.97, 0.875, 0.04, 0.85),
    "spent6": (0.925, 0.965, 0.88, 0.04, 0.9),
    # round heldout8: measured on main's detectors before the round (0.886, 0.945, 0.845, 0.071, 0.778) less a margin
    "tune9": (0.87, 0.93, 0.83, 0.081, 0.76),
    # round heldout9: measured on main's detectors before the round (0.920, 0.966, 0.882, 0.038, 0.667) less a margin
    "tune10": (0.905, 0.95, 0.865, 0.049, 0.65),
    # sealed in round seven, spent after it; training data since round eight (in-sample 0.927, 0.972, 0.886, 2.8 %,
    # NATIONAL_ID 0.857, less a margin)
    "seal9": (0.91, 0.955, 0.865, 0.04, 0.83),
    # round heldout10: measured on the round's baseline (c701050) before any change of round eight, less a margin:
    # tune11 (0.924, 0.987, 0.855, 0.015, all structured types 1.0), seal10 (0.961, 0.988, 0.950, 0.010, PLATE 0.75)
    "tune11": (0.909, 0.971, 0.834, 0.026, 0.98),
    "seal10": (0.945, 0.973, 0.929, 0.02, 0.73),
    # the lead's private sets of round eight, scored before and after the round, then copied in (not trained on
    # yet): after 0.943, 0.973, 0.940, 3.2 %, HANDLE 0.90 and 0.959, 0.979, 0.962, 2.1 %, HANDLE 0.78, less a margin
    "spent9": (0.925, 0.955, 0.915, 0.042, 0.88),
    "spent10": (0.94, 0.96, 0.94, 0.031, 0.75),
    # round heldout11: measured on the round's baseline (880ce7c) before any change of round nine, less a margin:
    # tune12 (0.936, 0.964, 0.963, 0.032, HANDLE 0.50), seal11 (0.958, 0.981, 0.955, 0.024, all structured types 1.0)
    "tune12": (0.921, 0.948, 0.942, 0.042, 0.48),
    "seal11": (0.943, 0.966, 0.934, 0.034, 0.98),
    # the lead's private sets of round nine, scored before and after the round, then copied in: after 0.945, 0.983,
    # 0.943, 1.7 %, every structured type 1.0 and 0.961, 0.982, 0.967, 1.7 %, every structured type 1.0, less a margin
    "spent11": (0.93, 0.968, 0.923, 0.027, 0.98),
    "spent12": (0.946, 0.967, 0.947, 0.027, 0.98),
    # round heldout12: measured on the round's baseline (5fae203) before any change of round ten, less a margin:
    # tune13 (0.985, 0.990, 0.976, 0.007, all structured types 1.0), seal12 (0.967, 0.990, 0.931, 0.006, all 1.0)
    "tune13": (0.97, 0.975, 0.956, 0.018, 0.98),
    "seal12": (0.951, 0.975, 0.91, 0.017, 0.98),
    # spent13 (after round ten: 0.939, 0.980, 0.937, 0.024; DATE 0.96, other structured 1.0), spent14 (0.905,
    # 0.962, 0.938, 0.037, all structured 1.0)
    "spent13": (0.924, 0.965, 0.917, 0.034, 0.94),
    "spent14": (0.89, 0.947, 0.918, 0.047, 0.98),
    # round eleven's training transcripts, on the baseline 1b107ee before training on them (0.947, 0.967, 0.969,
    # 0.0296, DATE 0.971), less a margin
    "train15": (0.932, 0.952, 0.949, 0.04, 0.95),
    # round heldout13: measured on the round's baseline (1b107ee) before any change of round eleven, less a margin:
    # tune14 (0.948, 0.976, 0.910, 0.039, URL 0.50), seal13 (0.967, 0.993, 0.957, 0.013, all structured types 1.0)
    "tune14": (0.933, 0.961, 0.889, 0.049, 0.48),
    "seal13": (0.952, 0.977, 0.936, 0.024, 0.98),
    # spent15 (after round eleven: 0.949, 0.981, 0.958, 0.027; PHONE 0.75, other structured 1.0), spent16 (0.974,
    # 0.997, 0.969, 0.011, every structured type 1.0), less a margin
    "spent15": (0.933, 0.965, 0.937, 0.038, 0.73),
    "spent16": (0.959, 0.981, 0.948, 0.021, 0.98),
    # more of round eleven's training transcripts, on the same baseline before training on them (0.942, 0.965, 0.964,
    # 0.0428, every structured type 1.0), less a margin
    "train16": (0.926, 0.949, 0.943, 0.053, 0.98),
    # round twelve's training transcripts, on the round's baseline before training on them (0.9475, 0.9658, 0.970,
    # 0.0602, DATE 0.977, other structured 1.0), less a margin
    "train17": (0.932, 0.95, 0.95, 0.071, 0.956),
    # round heldout14: measured on the round's baseline (217e382) before any change of round twelve, less a margin:
    # tune15 (0.938, 0.979, 0.909, 0.026, DATE 0.96), seal14 (0.959, 0.983, 0.971, 0.016, all structured types 1.0)
    "tune15": (0.923, 0.964, 0.889, 0.036, 0.94),
    "seal14": (0.943, 0.968, 0.95, 0.026, 0.98),
    # spent17 (after round twelve: 0.957, 0.997, 0.942, 0.012; every structured type 1.0), spent18 (0.948, 0.976,
    # 0.960, 0.027; DATE 0.952, other structured 1.0), less a margin
    "spent17": (0.942, 0.981, 0.921, 0.022, 0.98),
    "spent18": (0.932, 0.960, 0.939, 0.037, 0.93),
    # round heldout15: measured on the round's baseline (4fbe7f8, trained on 364 transcripts) before any change of
    # round thirteen, less a margin: tune16 (0.9505, 0.9865, 0.9254, 0.0243, DATE 0.964), seal15 (0.9581, 0.986,
    # 0.9452, 0.0368, NATIONAL_ID 0.667)
    "tune16": (0.935, 0.971, 0.905, 0.035, 0.944),
    "seal15": (0.943, 0.971, 0.925, 0.047, 0.646),
    # spent19 (after round thirteen: 0.971, 0.996, 0.957, 0.010; lowest structured type DATE 0.947), spent20 (0.936,
    # 0.994, 0.925, 0.013; every structured type 1.0), less a margin
    "spent19": (0.956, 0.981, 0.937, 0.020, 0.927),
    "spent20": (0.921, 0.979, 0.905, 0.023, 0.98),
    # spent21 (after round fourteen: 0.946, 0.973, 0.946, 0.042; lowest structured type DATE 0.885), spent22 (0.961,
    # 1.000, 0.943, 0.010; every structured type 1.0), less a margin
    "spent21": (0.930, 0.958, 0.925, 0.052, 0.865),
    "spent22": (0.945, 0.985, 0.923, 0.021, 0.98),
    # round heldout16: measured on the round's baseline (453d933, trained on 396 transcripts) before any change of
    # round fourteen, less a margin: tune17 (0.9174, 0.9739, 0.8838, 0.0278, every structured type 1.0), seal16
    # (0.9556, 0.9867, 0.9474, 0.0357, every structured type 1.0)
    "tune17": (0.902, 0.958, 0.863, 0.038, 0.98),
    "seal16": (0.94, 0.971, 0.927, 0.046, 0.98),
    # round heldout17: measured on the model shipped at the start of round fifteen (f1a8608, trained on 396
    # transcripts) before any change of the round, less a margin: tune18 (0.9478, 0.9739, 0.9362, 0.0411, PLATE 0.8),
    # seal17 (0.9520, 0.9869, 0.9407, 0.0436, NATIONAL_ID 0.857)
    "tune18": (0.932, 0.958, 0.916, 0.052, 0.78),
    "seal17": (0.937, 0.971, 0.92, 0.054, 0.837),
    # spent23 (after round fifteen: 0.9723, 0.9924, 0.9484, 0.0235; lowest structured type NATIONAL_ID 0.800),
    # spent24 (0.9350, 0.9748, 0.9259, 0.0499; DATE 0.842), less a margin
    "spent23": (0.957, 0.977, 0.928, 0.034, 0.78),
    "spent24": (0.92, 0.959, 0.905, 0.06, 0.822),
    # round heldout18: measured on the round's baseline (f6320c0, trained on 460 transcripts) before any change of
    # round sixteen, less a margin: tune19 (0.9350, 0.9715, 0.9105, 0.0543, HANDLE 0.812), seal18 (0.9426, 0.9836,
    # 0.9203, 0.0544, NATIONAL_ID 0.8)
    "tune19": (0.92, 0.955, 0.89, 0.065, 0.79),
    "seal18": (0.927, 0.967, 0.9, 0.065, 0.78),
    # spent25 (after round sixteen: 0.9342, 0.9711, 0.9233, 0.0562; lowest structured type NATIONAL_ID 0.909),
    # spent26 (0.9608, 0.9817, 0.9298, 0.0461; NATIONAL_ID 0.6), less a margin
    "spent25": (0.919, 0.956, 0.903, 0.067, 0.889),
    "spent26": (0.945, 0.966, 0.909, 0.057, 0.58),
    # round heldout19: measured on the round's baseline (d360ad1, trained on 492 transcripts) before any change of
    # round seventeen, less a margin: tune20 (0.9259, 0.9835, 0.8493, 0.0690, DATE 0.962), seal19 (0.8857, 0.9347,
    # 0.8405, 0.0786, every structured type 1.0)
    "tune20": (0.91, 0.967, 0.829, 0.079, 0.94),
    "seal19": (0.87, 0.918, 0.82, 0.089, 0.98),
    # spent27 (after round seventeen: 0.9649, 0.9825, 0.9533, 0.0454; lowest structured type DATE 0.961),
    # spent28 (0.9591, 0.9952, 0.9355, 0.0367; every structured type 1.0), less a margin
    "spent27": (0.949, 0.967, 0.933, 0.056, 0.94),
    "spent28": (0.944, 0.98, 0.915, 0.048, 0.98),
    # round heldout20: measured on the round's baseline (49f9c17, trained on 524 transcripts) before any change of
    # round eighteen, less a margin: tune21 (0.9277, 0.9660, 0.9344, 0.0856, DATE 0.933), seal20 (0.9065, 0.9431,
    # 0.9409, 0.0780, NATIONAL_ID and PLATE 0.8)
    "tune21": (0.912, 0.95, 0.914, 0.096, 0.91),
    "seal20": (0.891, 0.927, 0.92, 0.088, 0.78),
    # spent29 (after round eighteen: 0.9483, 0.9897, 0.9386, 0.0241; lowest structured type NATIONAL_ID 0.889),
    # spent30 (0.9488, 0.9744, 0.9394, 0.0337; NATIONAL_ID 0.714), less a margin
    "spent29": (0.932, 0.974, 0.918, 0.035, 0.869),
    "spent30": (0.933, 0.959, 0.919, 0.045, 0.694),
    # round heldout21: measured on the round's baseline (05c8882, trained on 556 transcripts) before any change of
    # round nineteen, less a margin: tune22 (0.9419, 0.9806, 0.9331, 0.0755, NATIONAL_ID 0.6), seal21 (0.9048,
    # 0.9524, 0.9381, 0.1189, NATIONAL_ID 0.8)
    "tune22": (0.926, 0.964, 0.913, 0.086, 0.58),
    "seal21": (0.889, 0.936, 0.918, 0.129, 0.78),
    # spent31 (after round nineteen: 0.9298, 0.9661, 0.9279, 0.0811; lowest structured type DATE 0.957),
    # spent32 (0.9201, 0.9510, 0.9278, 0.0939; PLATE 0.9), less a margin
    "spent31": (0.913, 0.951, 0.907, 0.092, 0.937),
    "spent32": (0.904, 0.936, 0.907, 0.105, 0.88),
    # round heldout22: measured on the round's baseline (1598d167, trained on 588 transcripts) before any change of
    # round twenty, less a margin: tune23 (0.9500, 0.9731, 0.9432, 0.0830, every structured type 1.0), seal22 (0.9087,
    # 0.9652, 0.9188, 0.0887, NATIONAL_ID 0.75)
    "tune23": (0.935, 0.957, 0.923, 0.093, 0.98),
    "seal22": (0.893, 0.949, 0.898, 0.099, 0.73),
    # round twenty's training transcripts, on the round's baseline before training on them (0.9307, 0.9636, 0.9477,
    # 0.0863, NATIONAL_ID 0.583, other structured 0.957 or more), less train17's margin; checked after the retrain
    "train21": (0.915, 0.948, 0.927, 0.097, 0.563),
    # spent33 (after round twenty: 0.9744, 0.9923, 0.9557, 0.0481; lowest structured type NATIONAL_ID 0.857),
    # spent34 (0.9646, 0.9899, 0.9752, 0.0426; HANDLE 0.875), less a margin
    "spent33": (0.958, 0.977, 0.935, 0.059, 0.837),
    "spent34": (0.948, 0.975, 0.955, 0.054, 0.855),
    # round heldout23: measured on the round's baseline (a616b1d9, trained on 634 transcripts) before any change of
    # round twenty-one, less a margin: tune24 (0.8939, 0.9755, 0.8643, 0.0797, NATIONAL_ID 0.6), seal23 (0.9309,
    # 0.9634, 0.9474, 0.0600, every structured type 1.0). seal23's leak floor is the shipped model's: the retrain on
    # the merged rules (0dd2942e) leaks 0.0719 there (untyped 0.9675 -> 0.9593, two spans; the merged rules with the
    # baseline model leaked 0.0611), a regression reported in benchmarks/README.md, not hidden by the floor's margin
    "tune24": (0.878, 0.959, 0.844, 0.09, 0.58),
    "seal23": (0.915, 0.947, 0.927, 0.08, 0.98),
    # spent35 (after round twenty-one: 0.9433, 0.9923, 0.9146, 0.0424; lowest structured type NATIONAL_ID 0.8),
    # spent36 (0.9307, 0.9746, 0.9180, 0.0683; NATIONAL_ID 0.8), less a margin
    "spent35": (0.927, 0.977, 0.894, 0.054, 0.78),
    "spent36": (0.914, 0.959, 0.898, 0.080, 0.78),
    # round twenty-one's training transcripts, on the round's baseline before training on them (0.9017, 0.9429, 0.9346,
    # 0.1134, NATIONAL_ID 0.704, other structured 0.978 or more), less train17's margin; checked after the retrain
    "train22": (0.886, 0.927, 0.914, 0.124, 0.683),
    # round heldout24: measured once on the round's baseline (f5215ffa, trained on 680 transcripts) before any change
    # of round twenty-two, less heldout23's margin (0.015, 0.016, 0.02, +0.01, 0.02): tune25 (0.961, 0.977, 0.966,
    # 0.060, NATIONAL_ID 0.875), seal24 (0.919, 0.959, 0.923, 0.108, DATE 0.933), to three decimals
    "tune25": (0.946, 0.96, 0.945, 0.071, 0.855),
    "seal24": (0.903, 0.943, 0.902, 0.119, 0.913),
    # round twenty-two's training transcripts, on the round's baseline before training on them (f5215ffa: 0.9194,
    # 0.9474, 0.9542, 0.0772, NATIONAL_ID 0.625, HANDLE 0.875, other structured 0.959 or more), less train22's margin
    # (typed -0.015, untyped -0.015, precision -0.02, leak +0.01, structured -0.02); checked after the retrain
    "train23": (0.904, 0.932, 0.934, 0.088, 0.605),
    # spent37 (after round twenty-two: 0.9454, 0.9810, 0.9306, 0.0349; lowest structured type DATE 0.904),
    # spent38 (0.9532, 0.9866, 0.9622, 0.0260; URL 0.8), less a margin
    "spent37": (0.929, 0.966, 0.91, 0.047, 0.884),
    "spent38": (0.937, 0.971, 0.942, 0.038, 0.78),
    # spent39 (after round twenty-three: 0.9538, 0.9830, 0.9567, 0.0448; lowest structured type NATIONAL_ID 0.909),
    # spent40 (0.9567, 0.9805, 0.9785, 0.0365; HANDLE 0.909), less spent37's margin
    "spent39": (0.937, 0.968, 0.936, 0.057, 0.889),
    "spent40": (0.940, 0.965, 0.958, 0.049, 0.889),
    # spent41 (after round twenty-four: 0.9905, 0.9905, 0.9651, 0.0159; lowest structured type PLATE 0.909),
    # spent42 (0.9775, 0.9950, 0.9655, 0.0188; every structured type 1.0), less spent39's margin
    "spent41": (0.974, 0.975, 0.945, 0.028, 0.889),
    "spent42": (0.961, 0.980, 0.945, 0.031, 0.98),
    # spent43 (after round twenty-five: 0.9650, 0.9847, 0.9693, 0.0159; lowest structured type NATIONAL_ID 0.900),
    # spent44 (0.9709, 0.9903, 0.9728, 0.0104; every structured type 1.0), less spent41's margin
    "spent43": (0.949, 0.969, 0.949, 0.028, 0.88),
    "spent44": (0.954, 0.975, 0.952, 0.023, 0.98),
    # spent45 (after round twenty-six: 0.9557, 0.9860, 0.9513, 0.0100; lowest structured type NATIONAL_ID 0.778),
    # spent46 (0.9672, 0.9789, 0.9789, 0.0242; lowest structured type PHONE 0.966), less spent43's margin
    "spent45": (0.939, 0.971, 0.931, 0.022, 0.757),
    "spent46": (0.951, 0.963, 0.958, 0.037, 0.945),
    # spent47 (after round twenty-seven: 0.9723, 0.9885, 0.9791, 0.0143; lowest structured type URL 0.857),
    # spent48 (0.9778, 0.9867, 0.9757, 0.0112; lowest structured type DATE 0.980), less spent45's margin
    "spent47": (0.956, 0.973, 0.959, 0.027, 0.837),
    "spent48": (0.961, 0.971, 0.955, 0.024, 0.959),
    # spent49 (after round twenty-eight: 0.9867, 0.9933, 0.9911, 0.0026; every structured type 1.00),
    # spent50 (0.9891, 0.9978, 0.9827, 0.0048; lowest structured type DATE 0.981), less spent47's margin
    "spent49": (0.970, 0.978, 0.971, 0.015, 0.98),
    "spent50": (0.973, 0.982, 0.962, 0.017, 0.960),
    # spent51 (after round twenty-nine: 0.9640, 0.9867, 0.9587, 0.0200; lowest structured type DATE 0.987),
    # spent52 (0.9756, 0.9962, 0.9576, 0.0080; lowest structured type PHONE 0.968), less spent49's margin
    "spent51": (0.948, 0.971, 0.938, 0.032, 0.967),
    "spent52": (0.959, 0.981, 0.937, 0.020, 0.948),
    # round twenty-three's training transcripts, on the round's baseline before training on them (654b8aeb: 0.9243,
    # 0.9621, 0.9338, 0.0809, URL 0.667, NATIONAL_ID 0.733, other structured 0.98 or more), less train23's margin
    # (typed -0.015, untyped -0.015, precision -0.02, leak +0.01, structured -0.02); checked after the retrain
    "train24": (0.909, 0.947, 0.913, 0.091, 0.646),
    # round twenty-four's training transcripts, on the round's baseline before training on them (0ae3982b: 0.9356 =
    # 654/699, 0.9499 = 664/699, 0.9648, 0.0890, NATIONAL_ID 0.6875 = 11/16, other structured 0.93 or more), less
    # train24's margin (typed -0.015, untyped -0.015, precision -0.02, leak +0.01, structured -0.02); checked after
    # the retrain
    "train25": (0.920, 0.934, 0.944, 0.099, 0.667),
    # round twenty-five's training transcripts, on the round's baseline before training on them (fd0e9e57: 0.9510 =
    # 757/796, 0.9736 = 775/796, 0.9625, 0.0703, NATIONAL_ID 0.7857 = 11/14, HANDLE 0.889 = 16/18, other structured
    # 1.00), less train25's margin (typed -0.015, untyped -0.015, precision -0.02, leak +0.01, structured -0.02);
    # checked after the retrain
    "train26": (0.936, 0.958, 0.942, 0.081, 0.765),
    # round twenty-six's training transcripts, on the round's baseline before training on them (e3768dd2: 0.9634 =
    # 736/764, 0.9830 = 751/764, 0.9658, 0.0673, NATIONAL_ID 0.7857 = 11/14, HANDLE 0.882 = 15/17, DATE 0.990 = 97/98,
    # other structured 1.00), less train26's margin (typed -0.015, untyped -0.015, precision -0.02, leak +0.01,
    # structured -0.02); checked after the retrain
    "train27": (0.948, 0.968, 0.945, 0.078, 0.765),
    # round twenty-seven's training transcripts, on the round's baseline before training on them (BASE f2be5267, as
    # printed by score.py: typed 0.925 = 655/708, untyped 0.961, precision 0.958, leak 7.1 %, NATIONAL_ID 0.714 =
    # 10/14, other structured 0.93 or more), less train27's margin (typed -0.015, untyped -0.015, precision -0.02,
    # leak +0.01, structured -0.02), rounded down (up for leak) from the printed figures' lower (upper) bounds;
    # checked after the retrain
    "train28": (0.910, 0.945, 0.937, 0.082, 0.694),
    # round twenty-eight's training transcripts, on the round's baseline before training on them (BASE c4b2f2be, as
    # printed by score.py: typed 0.959 = 683/712, untyped 0.980 = 698/712, precision 0.961, leak 5.5 %, DATE 0.930 =
    # 80/86, PHONE 0.966 = 28/29, other structured 1.00), less train28's margin (typed -0.015, untyped -0.015,
    # precision -0.02, leak +0.01, structured -0.02), rounded down (up for leak) from the printed figures' lower
    # (upper) bounds; checked after the retrain
    "train29": (0.943, 0.964, 0.940, 0.066, 0.910),
    # round twenty-nine's training transcripts, on the round's baseline before training on them (BASE 4c8f068b, as
    # printed by score.py: typed 0.9505 = 730/768, untyped 0.9661 = 742/768, precision 0.9522, leak 3.37 %, HANDLE
    # 0.929 = 13/14, DATE 0.980 = 100/102, other structured 1.00), less train29's margin (typed -0.015, untyped
    # -0.015, precision -0.02, leak +0.01, structured -0.02), rounded down (up for leak) from the printed figures'
    # lower (upper) bounds; checked after the retrain
    "train30": (0.935, 0.951, 0.932, 0.044, 0.908),
    # round heldout25: measured once on the round's baseline (654b8aeb, trained on 726 transcripts) before any change
    # of round twenty-three, less heldout24's margin (0.015, 0.016, 0.02, +0.01, 0.02): tune26 (0.936 = 247/264,
    # 0.981 = 259/264, 0.933, 0.052, PHONE 0.923 = 12/13), seal25 (0.960 = 263/274, 0.985 = 270/274, 0.964, 0.032,
    # PLATE 0.833 = 5/6), to three decimals
    "tune26": (0.920, 0.965, 0.912, 0.063, 0.903),
    "seal25": (0.944, 0.969, 0.943, 0.043, 0.813),
    # round heldout26: measured once on the round's baseline (0ae3982b, trained on 772 open transcripts) before any
    # change of round twenty-four, less heldout25's margin (0.015, 0.016, 0.02, +0.01, 0.02): tune27 (0.965 = 277/287,
    # 0.990 = 284/287, 0.982, 0.016, PLATE 0.857 = 6/7), seal26 (0.955 = 273/286, 0.979 = 280/286, 0.947, 0.031,
    # every structured type 1.00), to three decimals
    "tune27": (0.950, 0.973, 0.961, 0.027, 0.837),
    "seal26": (0.939, 0.963, 0.926, 0.042, 0.98),
    # round heldout27: measured once on the round's baseline (BASE fd0e9e57, trained on 786 open transcripts) before
    # any change of round twenty-five, less heldout26's margin (0.015, 0.016, 0.02, +0.01, 0.02): tune28 (0.948 =
    # 257/271, 0.993 = 269/271, 0.959, 0.006, every structured type 1.00), seal27 (0.958 = 253/264, 0.985 = 260/264,
    # 0.966, 0.025, every structured type 1.00), to three decimals
    "tune28": (0.933, 0.976, 0.938, 0.017, 0.98),
    "seal27": (0.943, 0.968, 0.945, 0.036, 0.98),
    # round heldout28: measured once on the round's baseline (BASE e3768dd2, round twenty-five's shipped model, trained
    # on 832 open transcripts) before any change of round twenty-six, less heldout27's margin (0.015, 0.016, 0.02,
    # +0.01, 0.02): tune29 (0.975 = 275/282, 1.000 = 282/282, 0.965, 0.002, every structured type 1.00), seal28
    # (0.955 = 273/286, 0.990 = 283/286, 0.955, 0.010, HANDLE 0.833 = 5/6, other structured 1.00), to three decimals
    "tune29": (0.960, 0.984, 0.944, 0.013, 0.98),
    "seal28": (0.939, 0.973, 0.934, 0.021, 0.813),
    # round heldout29: measured once on the round's baseline (BASE f2be5267, round twenty-six's shipped model, trained
    # on 878 open transcripts) before any change of round twenty-seven, less heldout28's margin (0.015, 0.016, 0.02,
    # +0.01, 0.02): tune30 (0.981 = 263/268, 0.993 = 266/268, 0.985, 0.007, every structured type 1.00), seal29
    # (0.965 = 274/284, 0.986 = 280/284, 0.982, 0.024, URL 0.800 = 4/5, other structured 1.00), to three decimals
    "tune30": (0.966, 0.976, 0.964, 0.018, 0.98),
    "seal29": (0.949, 0.969, 0.961, 0.035, 0.78),
    # round heldout30: measured once on the round's baseline (BASE c4b2f2be, round twenty-seven's shipped model,
    # trained on 924 open transcripts) before any change of round twenty-eight, less heldout29's margin (0.015, 0.016,
    # 0.02, +0.01, 0.02): tune31 (0.956 = 280/293, 0.976 = 286/293, 0.969, 0.017, DATE 0.970 = 32/33, other structured
    # 1.00), seal30 (0.962 = 277/288, 0.990 = 285/288, 0.946, 0.020, DATE 0.968 = 30/31, other structured 1.00), to
    # three decimals (precision and leak as printed, so their floors allow for rounding)
    "tune31": (0.940, 0.960, 0.948, 0.028, 0.949),
    "seal30": (0.946, 0.973, 0.925, 0.031, 0.947),
    # round heldout31: measured once on the round's baseline (BASE 4c8f068b, round twenty-eight's shipped model,
    # trained on 970 open transcripts) before any change of round twenty-nine, less heldout30's margin (0.015, 0.016,
    # 0.02, +0.01, 0.02): tune32 (0.952 = 279/293, 0.959 = 281/293, 0.9555, 0.0366, DATE 0.969 = 31/32, other
    # structured 1.00), seal31 (0.950 = 283/298, 0.966 = 288/298, 0.9564, 0.0289, DATE 0.970 = 32/33, other structured
    # 1.00), to three decimals (precision and leak from the printed four decimals' bounds, so their floors allow for
    # rounding)
    "tune32": (0.937, 0.943, 0.935, 0.047, 0.948),
    "seal31": (0.934, 0.950, 0.936, 0.039, 0.949),
}
STRUCTURED = ("PHONE", "EMAIL", "URL", "HANDLE", "NATIONAL_ID", "PLATE", "DATE")


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_split_floor(split: str) -> None:
    typed, untyped, precision, leak, structured = FLOORS[split]
    data = evaluate(CORPUS / split).as_dict()
    assert data["overall"]["recall"] >= typed
    assert data["untyped"]["recall"] >= untyped
    assert data["overall"]["precision"] >= precision
    assert data["leak_rate"] <= leak
    per = data["per_type"]
    assert min(per[t]["recall"] for t in STRUCTURED if t in per and per[t]["gold"]) >= structured


def test_dev_corpus_stays_perfect(shared_dir: Path) -> None:
    data = evaluate(shared_dir / "eval-corpus" / "dev").as_dict()
    assert data["overall"]["recall"] == 1.0 and data["overall"]["precision"] == 1.0
    assert data["untyped"]["recall"] == 1.0 and data["leak_rate"] == 0.0
