"""Held-out hand counts of 10 PP-18 texts (data only).

These 10 texts were counted by hand from ../shared/corpus/pp18/pp18-final-acts-dev.akn.xml
(grep -n / sed -n / ElementTree on the raw XML, never from itukg's output), as a held-out
check: texts the reader was not tuned to. They are Resolutions 11, 34, 64, 101, 136, 140, 167,
189, 198 and 205, none of them in test_pp18_sample's SAMPLE.

The rules are those of test_pp18_sample's module docstring: every section heading in printed
order, headings the converter glued to the end of a paragraph or into a recital included (the
line is the XML line where the heading text starts); the number of top-level items under each
heading (an unnumbered single paragraph counts 1, sub-items i), 8.1, a) under a number do not);
the addressees of each operative heading that names bodies (ids of ontology/bodies.ttl, None
where the heading names no body); and, per text, 5-10 clauses found by a snippet of their text,
with the resolutions / decisions (body told by the session where the clause does not name it)
and CS/CV provisions each cites. A clause with an empty provision set must cite none.
"""

from test_pp18_sample import ACAD, ASSOC, BDT, BR, COUNCIL, DIRECTORS, MS, SG, SM, TSB, Doc, R, Sec

TDB = "the Telecommunication Development Bureau"
TSBN = "the Telecommunication Standardization Bureau"
RB = "the Radiocommunication Bureau"
# Sectors are individuals of ontology/sectors.ttl (sector:itu-t …), not of bodies.ttl
ITU_R, ITU_T, ITU_D = "itu-r", "itu-t", "itu-d"

HELDOUT = [
    Doc(
        "pp/11/dubai-2018",
        "resolution",
        "11",
        [
            Sec("considering", 731, 6),
            Sec("emphasizing", 761, 2),
            Sec("noting", 775, 3),
            Sec("noting further", 793, 7),  # footnote 1 runs into f) (line 817)
            Sec("resolves", 828, 12),  # 10, 11, 12 run into 9 (line 906); 8.1-8.4 under 8
            Sec("instructs the Secretary-General", 912, 11, (SG,)),  # 10, 11 run into 9 (964)
            Sec(
                "instructs the Secretary-General, in cooperation with the Directors of the Bureaux",
                964,  # glued to item 11 before; one unnumbered item
                1,
                (SG,),
            ),
            Sec("instructs the ITU Council", 970, 4, (COUNCIL,)),
        ],
        [
            ("as reflected in Article 1 of the ITU Constitution", set(), {"cs/article-1"}),
            (
                "based on the model host-country agreement approved by the 2016 session",
                set(),
                set(),
            ),
            # "resolves 10", "resolves 3", "instructs the Secretary-General 5": internal references
            ("having due regard to resolves 10 above", set(), set()),
            ("pursuant to resolves 3, by 1 April 2019", set(), set()),
            ("described under instructs the Secretary-General 5", set(), set()),
            ("a report based on the implementation of resolves 3, 4 and 5", set(), set()),
            ("covered by the Exhibition Working Capital Fund (EWCF)", set(), set()),
        ],
    ),
    Doc(
        "pp/34/dubai-2018",
        "resolution",
        "34",
        [
            Sec("recalling", 2035, 3),
            Sec("recalling further", 2053, 4),
            Sec("recognizing", 2075, 2),
            Sec("noting", 2089, 1),
            Sec("resolves", 2100, 1),
            Sec("calls upon Member States", 2104, 1, (MS,)),  # glued to the resolves paragraph
            Sec("instructs the ITU Council", 2110, 2, (COUNCIL,)),
            Sec(f"instructs the Director of {TDB}", 2120, 2, (BDT,)),  # glued to item 2 before
            Sec("instructs the Secretary-General", 2138, 2, (SG,)),  # the Annex runs into 2
        ],
        [
            ("the purposes of the Union as enshrined in Article 1", set(), {"cs/article-1"}),
            (
                "Resolution 127 (Marrakesh, 2002) of the Plenipotentiary Conference",
                {R("pp", "127")},
                set(),
            ),
            (
                "Resolution 160 (Antalya, 2006) of the Plenipotentiary Conference",
                {R("pp", "160")},
                set(),
            ),
            (
                "Resolution 161 (Antalya, 2006) of the Plenipotentiary Conference",
                {R("pp", "161")},
                set(),
            ),
            (
                "Resolutions 25 (Rev. Buenos Aires, 2017), 26 (Rev. Doha, 2006)",
                {R("wtdc", "25"), R("wtdc", "26"), R("wtdc", "51"), R("wtdc", "57")},
                set(),
            ),
            (
                "hence Resolution 34 (Rev. Busan, 2014) of the Plenipotentiary",
                {R("pp", "34")},
                set(),
            ),
            ("the efforts of the United Nations to promote sustainable development", set(), set()),
            ("to allocate the necessary funds to the aforesaid action", set(), set()),
            # the Annex glued after this clause repeats "Resolution 34 (Rev. Dubai, 2018)": the
            # Annex's text, not the clause's
            ("to update the annex to this resolution as needed", set(), set()),
        ],
    ),
    Doc(
        "pp/64/dubai-2018",
        "resolution",
        "64",
        [
            Sec("recalling", 2603, 6),
            Sec("taking into account", 2633, 2),
            Sec("taking into account also", 2641, 3),  # glued to the end of b) before
            Sec("taking into account further", 2653, 1),  # glued into c) of "also"
            Sec("emphasizing", 2659, 1),
            Sec("noting", 2669, 6),
            Sec("recognizing", 2699, 3),
            Sec("resolves", 2718, 3),
            # glued to resolves 3; no comma before "within their respective spheres of
            # competence, to implement …", read as the start of the one unnumbered item
            Sec("instructs the Directors of the three Bureaux", 2734, 1, DIRECTORS),
            Sec("invites Member States", 2740, 3, (MS,)),
            Sec(
                "instructs the Secretary-General, in close cooperation with the Directors of the "
                "three Bureaux",
                2756,  # glued to invites Member States 3
                4,
                (SG,),
            ),
            Sec("further instructs the Secretary-General", 2786, 1, (SG,)),
        ],
        [
            (
                "Resolution 64 (Rev. Guadalajara, 2010) of the Plenipotentiary",
                {R("pp", "64")},
                set(),
            ),
            (
                "especially Resolution 15 (Rev. Hyderabad, 2010), on applied research",
                {R("wtdc", "15"), R("wtdc", "20"), R("wtdc", "37")},  # 37 (Rev. Dubai, 2014)
                set(),
            ),
            ("Resolution 167 (Rev. Busan, 2014) of the Plenipotentiary", {R("pp", "167")}, set()),
            ("Resolution 71 (Rev. Busan, 2014) of the Plenipotentiary", {R("pp", "71")}, set()),
            ("the strategic plan for the Union set out in Resolution 71", {R("pp", "71")}, set()),
            (
                "Resolution 69 (Rev. Dubai, 2012) of the World Telecommunication Standardization",
                {R("wtsa", "69")},
                set(),
            ),
            ("within the spirit of Article 1 of the ITU Constitution", set(), {"cs/article-1"}),
            ("especially §§ 15, 18 and 19 of the Tunis Commitment", set(), set()),
            ("considering where relevant the WSIS+10 High-Level Event outcomes", set(), set()),
            (
                "to transmit the text of this resolution, including its recommendations",
                set(),
                set(),
            ),
        ],
    ),
    Doc(
        "pp/101/dubai-2018",
        "resolution",
        "101",
        [
            Sec("recalling", 4205, 18),  # a)-r); footnote 1 runs into m)
            Sec("aware", 4283, 3),
            Sec("considering", 4301, 11),
            Sec("considering further", 4351, 3),
            Sec("recognizing", 4369, 5),  # i)-iv) under a), i) a recital of its own (l.4376)
            # the two headings below are glued into recognizing e), before resolves
            Sec("requests the ITU Telecommunication Standardization Sector", 4393, 1, (ITU_T,)),
            Sec("requests the three Sectors", 4393, 1, (ITU_R, ITU_T, ITU_D)),
            Sec("resolves", 4400, 6),  # footnote 2 runs into 2
            Sec("instructs the Secretary-General", 4440, 3, (SG,)),
            Sec(f"instructs the Director of {TDB}", 4456, 4, (BDT,)),  # glued to item 3 before
            Sec("invites the ITU Council", 4486, 1, (COUNCIL,)),
            Sec("invites Member States and Sector Members", 4490, 2, (MS, SM)),  # glued
        ],
        [
            (
                "Resolution 101 (Rev. Guadalajara, 2010) of the Plenipotentiary",
                {R("pp", "101")},
                set(),
            ),
            (
                "Resolutions 102, 130, 133, 180 and 197 (Rev. Dubai, 2018)",
                {R("pp", "102"), R("pp", "130"), R("pp", "133"), R("pp", "180"), R("pp", "197")},
                set(),
            ),
            ("UNGA Resolution 68/302, on the review of WSIS", set(), set()),
            ("No. 196 of the ITU Convention, which stipulates", set(), {"cv/196"}),
            (
                "Recommendation ITU-T D.50 of the ITU Telecommunication Standardization",
                set(),
                set(),
            ),
            ("Resolution 64 (Rev. Hammamet, 2016) of WTSA", {R("wtsa", "64")}, set()),
            # a WTPF Opinion is neither a resolution nor a decision
            ("Opinion 1 (Geneva, 2013) of the World", set(), set()),
            (
                "Resolution 1 (Dubai, 2012) of the World Conference on International",
                {R("wcit", "1")},
                set(),
            ),
            (
                "that Resolution 77 (Rev. Buenos Aires, 2017) of WTDC recognized",
                {R("wtdc", "77")},
                set(),
            ),
            # body by session only
            ("to take into account the provisions of Resolution 23", {R("wtdc", "23")}, set()),
        ],
    ),
    Doc(
        "pp/136/dubai-2018",
        "resolution",
        "136",
        [
            Sec("recalling", 7099, 9),
            Sec("recognizing", 7141, 4),  # footnote 1 runs into d)
            Sec("taking into account", 7163, 1),
            Sec("noting", 7173, 7),
            Sec("considering", 7207, 10),
            Sec("considering further", 7253, 8),
            Sec("convinced", 7291, 4),
            # the two headings below sit inside convinced d), items run together
            Sec("resolves to instruct the Secretary-General", 7307, 6, (SG,)),
            Sec("instructs the Directors of the Bureaux", 7307, 8, DIRECTORS),
            Sec("encourages Member States", 7314, 12, (MS,)),  # 10, 11, 12 run into 9 (7366)
            # glued to encourages 12; the Parties to the Tampere Convention among the Member
            # States: read as the Member States
            Sec("urges Member States Parties to the Tampere Convention", 7366, 1, (MS,)),
        ],
        [
            ("Resolution 182 (Rev. Busan, 2014) of the Plenipotentiary", {R("pp", "182")}, set()),
            # printed "(Rev. Buenos Aires, 2017 )", a space before the bracket
            (
                "on the role of telecommunications/ICT in disaster preparedness",
                {R("wtdc", "34")},
                set(),
            ),
            ("of WTDC, on ICT and climate change", {R("wtdc", "66")}, set()),
            (
                "Resolution 646 (Rev.WRC-15) of the World Radiocommunication",
                {R("wrc", "646")},
                set(),
            ),
            ("Resolution 673 (Rev.WRC-12) of WRC", {R("wrc", "673")}, set()),
            # the ITRs, not the Convention
            ("Article 5 of the International Telecommunication Regulations", set(), set()),
            ("Resolution 60/125, on international cooperation on humanitarian", set(), set()),
            (
                "Resolution 59 (Rev. Buenos Aires, 2017) of WTDC, on strengthening",
                {R("wtdc", "59")},
                set(),
            ),
            ("in line with instructs the Directors of the Bureaux 5", set(), set()),
            ("to work towards their accession to the Tampere Convention", set(), set()),
        ],
    ),
    Doc(
        "pp/140/dubai-2018",
        "resolution",
        "140",
        [
            Sec("recalling", 8083, 6),
            Sec("considering", 8113, 14),
            Sec("considering further", 8175, 12),  # footnote 1 runs into h)
            Sec("noting", 8229, 8),
            Sec("taking into account", 8267, 1),
            Sec("recognizing", 8277, 7),
            Sec("resolves", 8312, 11),  # 10, 11 run into 9 (line 8372) after footnote 3
            Sec("instructs the Secretary-General", 8378, 10, (SG,)),  # 10 runs into 9 (8430)
            Sec(
                "instructs the Secretary-General and the Directors of the Bureaux",
                8430,  # glued to item 10 before
                5,  # i)-vi) under 3
                (SG, *DIRECTORS),
            ),
            Sec("instructs the Directors of the Bureaux", 8474, 2, DIRECTORS),  # glued
            # glued to item 2 before, one unnumbered item, then the next heading glued to it
            Sec(f"instructs the Director of {TDB}", 8486, 1, (BDT,)),
            Sec("requests the ITU Council", 8486, 9, (COUNCIL,)),  # i)-iii) under 9
            Sec(
                "invites Member States, Sector Members, Associates and Academia",
                8546,  # glued into sub-item iii) of requests the ITU Council 9
                6,
                (MS, SM, ASSOC, ACAD),
            ),
            # glued to item 6; thanks the Governments of Switzerland and Tunisia: no ITU body
            Sec("expresses its warmest thanks and deepest gratitude", 8584, 1),
        ],
        [
            ("Resolution 73 (Minneapolis, 1998) of the Plenipotentiary", {R("pp", "73")}, set()),
            ("UNGA Resolution 70/1, on transforming our world", set(), set()),
            ("Resolution 140 (Rev. Busan, 2014) of the Plenipotentiary", {R("pp", "140")}, set()),
            (
                "that Resolution 200 (Rev. Dubai, 2018) of this conference endorsed",
                {R("pp", "200")},
                set(),
            ),
            (
                "set out in Resolution 71 (Rev. Dubai, 2018) of this conference contains",
                {R("pp", "71")},
                set(),
            ),
            (
                "in particular Resolution 30 (Rev. Buenos Aires, 2017) of WTDC",
                {R("wtdc", "30")},
                set(),
            ),
            # body by session; "the provisions of the ITU Constitution and ITU Convention"
            # names no provision
            (
                "to follow, as soon as possible and in accordance with Resolution 30",
                {R("wtdc", "30")},
                set(),
            ),
            ("in accordance with No. 81 of the Convention", set(), {"cv/81"}),
            ("as requested by UNGA Resolution 70/125", set(), set()),
            (
                "adaptation to the information society, in line with resolves 5",
                set(),
                set(),
            ),
        ],
    ),
    Doc(
        "pp/167/dubai-2018",
        "resolution",
        "167",
        [
            Sec("considering", 9287, 5),
            # f) and g) quote headings of WTDC resolutions ("further instructs the Director of
            # the Telecommunication Development Bureau thereof", "instructs the
            # Telecommunication Development Advisory Group thereof"): not headings here
            Sec("recalling", 9313, 9),
            Sec("recognizing", 9355, 6),  # footnote 1 runs into a)
            Sec("recognizing further", 9385, 3),
            Sec("noting", 9403, 5),
            Sec("emphasizing", 9429, 3),
            Sec("resolves", 9448, 6),
            Sec(
                "instructs the Secretary-General, in consultation and collaboration with the "
                "Directors of the three Bureaux",
                9482,  # glued to resolves 6
                6,
                (SG,),
            ),
            Sec("instructs the Secretary-General", 9524, 1, (SG,)),
            # the two headings below are glued into the one paragraph of the heading above
            Sec("instructs the Directors of the Bureaux", 9528, 1, DIRECTORS),
            Sec(f"instructs the Director of {TDB}", 9528, 1, (BDT,)),
            Sec("instructs the ITU Council", 9534, 1, (COUNCIL,)),  # Annex 1 runs into it
        ],
        [
            (
                "Resolution 66 (Rev. Dubai, 2018) of this conference, on documents",
                {R("pp", "66")},
                set(),
            ),
            ("Resolution 58 (Rev. Busan, 2014) of the Plenipotentiary", {R("pp", "58")}, set()),
            ("Resolution 175 (Rev. Dubai, 2018) of this conference", {R("pp", "175")}, set()),
            ("Resolution 32 (Rev. Hammamet, 2016) of WTSA", {R("wtsa", "32")}, set()),
            ("Resolution 73 (Rev. Hammamet, 2016) of WTSA", {R("wtsa", "73")}, set()),
            (
                "Resolution 5 (Rev. Buenos Aires, 2017) of WTDC, on enhancing",
                {R("wtdc", "5")},
                set(),
            ),
            ("Resolution 66 (Rev. Buenos Aires, 2017) of WTDC", {R("wtdc", "66")}, set()),
            ("Resolution 81 (Buenos Aires, 2017) of WTDC", {R("wtdc", "81")}, set()),
            (
                "Resolution ITU-R 7-3 (Rev. Geneva, 2015) of the Radiocommunication Assembly",
                {R("ra", "7")},
                set(),
            ),
            ("to take action regarding the EWM measures in Annex 1", set(), set()),
        ],
    ),
    Doc(
        "pp/189/dubai-2018",
        "resolution",
        "189",
        [
            Sec("recalling", 11543, 1),
            Sec("considering", 11553, 10),
            Sec("recognizing", 11599, 5),
            Sec("concerned", 11625, 1),
            Sec("aware", 11635, 1),
            Sec("resolves", 11646, 1),
            Sec(
                f"instructs the Director of {TDB}, in coordination with the Director of {RB} and "
                f"the Director of {TSBN}",
                11650,  # glued to the one resolves paragraph
                4,
                (BDT,),
            ),
            Sec("instructs the Secretary-General", 11680, 1, (SG,)),
            Sec("invites Member States and Sector Members", 11684, 5, (MS, SM)),  # glued
        ],
        [
            ("Resolution 196 (Rev. Dubai, 2018) of this conference", {R("pp", "196")}, set()),
            ("taking into account considering d) above", set(), set()),
            ("in the use of relevant ITU recommendations", set(), set()),
            ("related to these matters, such as GSMA and 3GPP", set(), set()),
            ("to report to the ITU Council, as appropriate, on progress", set(), set()),
        ],
    ),
    Doc(
        "pp/198/dubai-2018",
        "resolution",
        "198",
        [
            Sec("considering", 12391, 6),
            Sec("recalling", 12421, 5),  # footnote 1 runs into b)
            Sec("recognizing", 12447, 6),
            Sec("resolves", 12478, 9),
            Sec("instructs the ITU Council", 12536, 2, (COUNCIL,)),
            Sec("instructs the Secretary-General", 12552, 5, (SG,)),
            Sec(f"instructs the Director of {TDB}", 12580, 2, (BDT,)),  # glued to item 5
            # the two headings below are glued to item 2 before, the first with its one item
            Sec("instructs the Directors of the three Bureaux", 12592, 1, DIRECTORS),
            Sec("invites Member States and Sector Members", 12592, 5, (MS, SM)),
            Sec("encourages Member States and Sector Members", 12622, 4, (MS, SM)),  # glued
            Sec("invites Member States", 12652, 5, (MS,)),
            Sec("invites Academia", 12680, 3, (ACAD,)),  # glued to item 5 before
        ],
        [
            # a UNGA resolution without "UNGA" before it
            ("General Assembly (UNGA) through Resolution 62/126", set(), set()),
            ("UNGA Resolution 70/1, on transforming our world", set(), set()),
            ("Resolution 169 (Rev. Dubai, 2018) of this conference", {R("pp", "169")}, set()),
            ("Resolution 76 (Rev. Buenos Aires, 2017) of the World", {R("wtdc", "76")}, set()),
            ("in accordance with Resolution 68 (Rev. Guadalajara, 2010)", {R("pp", "68")}, set()),
            ("academic essay competition organized by the ITU Telecommunication", set(), set()),
            ("to strengthen the role of academia within the structures", set(), set()),
        ],
    ),
    Doc(
        "pp/205/dubai-2018",
        "resolution",
        "205",
        [
            Sec("recalling", 13755, 4),
            Sec("considering", 13777, 6),
            Sec("noting", 13807, 2),
            Sec("bearing in mind", 13821, 2),  # footnote 1 runs into b)
            Sec("resolves", 13836, 4),
            Sec("instructs the Secretary-General", 13864, 5, (SG,)),
            Sec(
                "instructs the Directors of the Telecommunication Standardization Bureau and "
                "Radiocommunication Bureau",
                13892,  # glued to item 5 before
                2,
                (TSB, BR),
            ),
            Sec(f"instructs the Director of {TDB}", 13904, 4, (BDT,)),  # glued to item 2
            Sec("invites Member States", 13934, 4, (MS,)),
            Sec(
                "invites Member States, Sector Members, Associates and Academia",
                13956,  # glued to item 4 before
                2,
                (MS, SM, ASSOC, ACAD),
            ),
        ],
        [
            ("Resolution 198 (Rev. Dubai, 2018) of this conference", {R("pp", "198")}, set()),
            ("UNGA Resolution 68/220, on science, technology and innovation", set(), set()),
            (
                "in particular Resolution 17 (Rev. Buenos Aires, 2017) of WTDC",
                {R("wtdc", "17")},
                set(),
            ),
            (
                "set out in Resolution 71 (Rev. Dubai, 2018) of this conference identifies",
                {R("pp", "71")},
                set(),
            ),
            ("as specified in Resolution 140 (Rev. Dubai, 2018)", {R("pp", "140")}, set()),
            ("to take into account Resolution 11 (Rev. Dubai, 2018)", {R("pp", "11")}, set()),
            ("the Buenos Aires Declaration and the Buenos Aires Action Plan", set(), set()),
        ],
    ),
]
