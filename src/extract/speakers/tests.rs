use super::*;

fn person(name: &str, text: &str) -> Entity {
    let mentions = text.match_indices(name).map(|(p, _)| (p, p + name.len())).collect();
    Entity { name: name.into(), kind: EntityKind::Person, mentions }
}

/// The speaker filed for a quote whose mention is the words `at`, given the quote finder's
/// name for them (`raw`; None when it found words but no name).
fn resolved(text: &str, raw: Option<&str>, at: &str, ents: &[Entity]) -> Option<String> {
    let pos = text.find(at).unwrap();
    let mut q = vec![Quote {
        start: pos,
        end: pos + 1,
        paragraph: 0,
        direct: true,
        speaker: raw.map(Into::into),
        mention: Some((pos, pos + at.len())),
        cue: None,
        description: None,
        named_by: None,
    }];
    resolve(text, &mut q, ents);
    q[0].speaker.clone()
}

/// A direct quote of `t` starting at the words `words`, with the quote finder's `speaker` for
/// the mention at the words `at`, and its cue.
fn quote_of(t: &str, words: &str, speaker: &str, at: &str, cue: Option<&str>) -> Quote {
    let (s, m) = (t.find(words).unwrap(), t.find(at).unwrap());
    Quote {
        start: s,
        end: s + words.len(),
        paragraph: 0,
        direct: true,
        speaker: Some(speaker.into()),
        mention: Some((m, m + at.len())),
        cue: cue.map(Into::into),
        description: None,
        named_by: None,
    }
}

fn speaker_of(text: &str, raw: &str, at: &str, ents: &[Entity]) -> Option<String> {
    resolved(text, Some(raw), at, ents)
}

#[test]
fn the_head_of_the_speaker_phrase_is_the_person() {
    let t = "“It is a show,” said Harbor delegate Tom Reed.";
    assert_eq!(speaker_of(t, "Harbor", "Harbor", &[]).as_deref(), Some("Tom Reed"));
    let t = "“It works,” said Navy 2nd Lt. Mary Stone.";
    assert_eq!(speaker_of(t, "Navy", "Navy", &[]).as_deref(), Some("Mary Stone"));
    let t = "Paul Hale of the Harbor Institute wrote, “It works.”";
    let org = Entity { name: "Harbor Institute".into(), kind: EntityKind::Organization, mentions: vec![] };
    assert_eq!(speaker_of(t, "Harbor Institute", "Harbor Institute", &[org]).as_deref(), Some("Paul Hale"));
}

#[test]
fn nicknames_misspellings_and_headline_words_in_names() {
    let t = "Former pilot and Marine John “Ace” Varga spoke.\n\n“We flew,” Varga said.";
    assert_eq!(speaker_of(t, "Varga", "Varga said", &[]).as_deref(), Some("John Ace Varga"));
    let t = "Singer Anthony Kowalski spoke.\n\n“We sang,” Kowalksi said.";
    assert_eq!(
        speaker_of(t, "Kowalksi", "Kowalksi said", &[person("Anthony Kowalski", t)]).as_deref(),
        Some("Anthony Kowalski")
    );
    let t = "Union chief Steve Sweeney spoke.\n\n“We built it,” Sweeny said.";
    let ents = [person("Steve Sweeney", t)];
    assert_eq!(speaker_of(t, "Sweeny", "Sweeny said", &ents).as_deref(), Some("Steve Sweeney"));
    let t = "Union chief Tom Russell spoke.\n\n“We built it,” Russel said.";
    assert_eq!(
        speaker_of(t, "Russel", "Russel said", &[person("Tom Russell", t)]).as_deref(),
        Some("Tom Russell")
    );
    // (a consonant left out that is no double makes another name: "Johnson" is not "Johnston")
    let t = "Union chief Gary Johnston spoke.\n\n“We built it,” Johnson said.";
    let ents = [person("Gary Johnston", t)];
    assert_eq!(speaker_of(t, "Johnson", "Johnson said", &ents).as_deref(), Some("Johnson"));
    let t = "‘Harbor’ Star Norbert Leo Varga Is Ready To Sing\n\nNorbert Leo Varga sings.\n\n“We sang,” Varga said.";
    assert_eq!(speaker_of(t, "Varga", "Varga said", &[]).as_deref(), Some("Norbert Leo Varga"));
    assert_eq!(speaker_of(t, "Norbert Leo Varga", "Varga said", &[]).as_deref(), Some("Norbert Leo Varga"));
    let t = "Will Norbert Varga Sing Again?\n\nNorbert Varga sings.\n\n“We sang,” Norbert Varga said.";
    assert_eq!(
        speaker_of(t, "Will Norbert Varga", "Norbert Varga said", &[]).as_deref(),
        Some("Norbert Varga")
    );
}

#[test]
fn a_description_goes_to_the_subject_of_the_sentence_before() {
    let t = "Gov. Paul Hale of Ohio attacked Tom Moore on Monday. “He is wrong,” the Ohio governor said.";
    let ents = [person("Paul Hale", t), person("Tom Moore", t)];
    assert_eq!(speaker_of(t, "Ohio governor", "the Ohio governor", &ents).as_deref(), Some("Paul Hale"));
    let t = "Mary Stone blasted Paul Hale and defended Tom Moore on Monday. “He is wrong,” the party leader said.";
    let ents = [person("Mary Stone", t), person("Paul Hale", t), person("Tom Moore", t)];
    assert_eq!(speaker_of(t, "party leader", "the party leader", &ents).as_deref(), Some("Mary Stone"));
}

#[test]
fn a_name_after_a_role_and_a_preposition_is_the_roles_object() {
    let t = "Mary Stone, who wrote the report, said the party had changed. “It has,” said the former top aide to President Paul Hale.";
    let ents = [person("Mary Stone", t), person("Paul Hale", t)];
    assert_eq!(
        speaker_of(
            t,
            "former top aide to President Paul Hale",
            "the former top aide to President Paul Hale",
            &ents
        )
        .as_deref(),
        Some("Mary Stone")
    );
}

#[test]
fn the_head_of_the_phrase_stops_at_a_speech_verb() {
    let t = "Asa Varga said Republican nominee Paul Hale is “a racist bigot” who will lose.";
    assert_eq!(
        speaker_of(t, "Asa Varga", "Varga", &[person("Asa Varga", t), person("Paul Hale", t)]).as_deref(),
        Some("Asa Varga")
    );
}

#[test]
fn a_document_speaks_for_its_author() {
    let t = "Mary Stone is releasing a new ad on Monday.\n\nThe ad says “we will win.”";
    assert_eq!(resolved(t, None, "The ad", &[person("Mary Stone", t)]).as_deref(), Some("Mary Stone"));
    // a document nobody in the article wrote stays unattributed
    let t = "The weather was cold.\n\nThe ad says “we will win.”";
    assert_eq!(resolved(t, None, "The ad", &[]), None);
}

#[test]
fn a_document_speaks_for_the_author_named_right_after_it() {
    let t = "Lena Ortmann spoke first.\n\nThe statement from Ingrid Solberg read: “We regret it.”\n\nA memo by Paul Hale said: “We will appeal.”";
    let ents = [person("Lena Ortmann", t), person("Ingrid Solberg", t), person("Paul Hale", t)];
    assert_eq!(resolved(t, None, "The statement", &ents).as_deref(), Some("Ingrid Solberg"));
    // its own author, not the one of an earlier document
    assert_eq!(resolved(t, None, "A memo", &ents).as_deref(), Some("Paul Hale"));
}

#[test]
fn a_surname_takes_the_fullest_name_in_the_article() {
    let t = "Sen. Paul Hale of Ohio spoke first.\n\n“We will win,” Hale said.";
    assert_eq!(speaker_of(t, "Hale", "Hale said", &[person("Hale", t)]).as_deref(), Some("Paul Hale"));
    let t = "Robert T. Hale Jr. arrived.\n\n“Not today,” Mr. Hale said.";
    assert_eq!(speaker_of(t, "Mr. Hale", "Mr. Hale said", &[]).as_deref(), Some("Robert T. Hale Jr."));
    // a generational suffix names the son, not the father the article introduced first
    let t = "Paul Hale held a rally. Paul Hale Jr. spoke before his father.\n\n“We will win,” Mr. Hale said.";
    let ents = [person("Paul Hale", t), person("Paul Hale Jr.", t)];
    assert_eq!(speaker_of(t, "Mr. Hale", "Mr. Hale said", &ents).as_deref(), Some("Paul Hale"));
}

#[test]
fn a_shared_surname_goes_to_the_person_just_named_or_else_introduced_first() {
    // long after both were named: the one introduced first
    let filler = "The hall emptied slowly and the band played on. ".repeat(14);
    let t = format!("Jeb Bush spoke. His brother George W. Bush listened.\n\n{filler}\n\n“Yes,” Bush said.");
    assert_eq!(speaker_of(&t, "Bush", "Bush said", &[]).as_deref(), Some("Jeb Bush"));
    // the quote finder's fuller guess is set aside for the mention's own words
    assert_eq!(speaker_of(&t, "George W. Bush", "Bush said", &[]).as_deref(), Some("Jeb Bush"));
    // just named in full: the subject of the latest sentence that names one of them
    let t = "Jeb Bush spoke. His brother George W. Bush listened.\n\n“Yes,” Bush said.";
    assert_eq!(speaker_of(t, "Bush", "Bush said", &[]).as_deref(), Some("George W. Bush"));
    let t = "Sean Hale died in 2012. Patricia Hale, mother of Sean Hale, rejected the claim.\n\n“She lied,” Hale said.";
    assert_eq!(speaker_of(t, "Hale", "Hale said", &[]).as_deref(), Some("Patricia Hale"));
    // a title's gender picks among them
    let t = "Bill Clinton spoke. Hillary Clinton listened.\n\n“Yes,” Mrs. Clinton said.";
    assert_eq!(speaker_of(t, "Bill Clinton", "Mrs. Clinton", &[]).as_deref(), Some("Hillary Clinton"));
    // a short form of the same first name is the same person
    let t = "Kenneth Starr spoke. Ken Starr, he said, was his name on air.\n\n“Yes,” Starr said.";
    assert_eq!(speaker_of(t, "Kenneth Starr", "Starr said", &[]).as_deref(), Some("Kenneth Starr"));
}

#[test]
fn a_speaker_in_a_title_case_headline_is_the_person_the_body_names() {
    let t = "Hale Slams Budget Deal: ‘This Is a Fraud’\n\nSen. Paul Hale of Ohio said the budget deal was \
             a fraud; he slams it daily.\n\nThe deal passed.";
    let hale = person("Paul Hale", t);
    let m = "Hale Slams Budget Deal";
    assert_eq!(speaker_of(t, m, m, &[hale]).as_deref(), Some("Paul Hale"));
    // nobody the body names: nobody, not the headline's words
    let t = "Governor Fires Back At Critics: ‘Nonsense’\n\nThe governor fires back at critics every week.";
    let m = "Governor Fires Back At Critics";
    assert_eq!(speaker_of(t, m, m, &[]), None);
    // a signature line of names is no headline
    let t = "“It needs to stop.”\n\n-Michelle Marks, Philadelphia.";
    let marks = person("Michelle Marks", t);
    assert_eq!(
        speaker_of(t, "Michelle Marks", "Michelle Marks", &[marks]).as_deref(),
        Some("Michelle Marks")
    );
}

#[test]
fn a_title_case_headline_word_is_no_part_of_the_name() {
    let t = "Governor Slams Budget Deal\n\n“It is a fraud,” said Paul Hale, the governor.";
    assert_eq!(speaker_of(t, "Deal Paul Hale", "Paul Hale", &[]).as_deref(), Some("Paul Hale"));
}

#[test]
fn places_platforms_and_datelines_are_no_speakers() {
    let t = "AKRON - The mayor spoke in Ohio.\n\n“Go,” Ohio said. Posted on Twitter.";
    let ohio = Entity { name: "Ohio".into(), kind: EntityKind::Location, mentions: vec![] };
    assert_eq!(speaker_of(t, "Ohio", "Ohio said", &[ohio]), None);
    assert_eq!(speaker_of(t, "Twitter", "Twitter", &[]), None);
    assert_eq!(speaker_of(t, "AKRON", "AKRON", &[]), None);
}

#[test]
fn a_capitalized_common_word_is_no_speaker() {
    let t = "Mistake after mistake.\n\n“No,” Mistake said. It was a mistake.";
    assert_eq!(speaker_of(t, "Mistake", "Mistake said", &[]), None);
    // a plural the tagger's training text writes in lowercase, and a compound adjective
    let t = "Audiences can expect “a long night.”";
    assert_eq!(speaker_of(t, "Audiences", "Audiences", &[]), None);
    let t = "The Tony-winning “star of the show” arrived.";
    assert_eq!(speaker_of(t, "Tony-winning", "Tony-winning", &[]), None);
}

#[test]
fn an_organization_speaks_as_itself() {
    let t = "“We disagree,” the Harbor Institute said.";
    assert_eq!(
        speaker_of(t, "Harbor Institute", "Harbor Institute", &[]).as_deref(),
        Some("Harbor Institute")
    );
}

/// Resolves a quote of `t` with no speaker, whose speaker is named by the words `desc`.
fn described_quote(t: &str, desc: &str) -> Quote {
    let m = t.find(desc).unwrap();
    let mut q = vec![Quote {
        start: 3,
        end: 16,
        paragraph: 0,
        direct: true,
        speaker: None,
        mention: Some((m, t.len() - 1)),
        cue: None,
        description: None,
        named_by: None,
    }];
    resolve(t, &mut q, &[]);
    q.remove(0)
}

#[test]
fn a_description_goes_to_the_person_the_article_names_with_it() {
    let t = "Harbor Sen. Mary Stone toured the port.\n\n“It is a fraud,” said the Harbor senator.";
    assert_eq!(described_quote(t, "the Harbor senator").speaker.as_deref(), Some("Mary Stone"));
    let t = "Mary Stone, the Republican nominee, toured the port.\n\n“It is a fraud,” said the nominee.";
    assert_eq!(described_quote(t, "the nominee").speaker.as_deref(), Some("Mary Stone"));
    // never named: no speaker, the description kept
    let q = described_quote("“It is a fraud,” said a spokeswoman for the hotel chain.", "a spokeswoman");
    assert_eq!(q.speaker, None);
    assert_eq!(q.description.as_deref(), Some("a spokeswoman for the hotel chain"));
}

#[test]
fn a_month_is_no_speaker_unless_a_person_is_named_by_it() {
    let t = "As in January, the harbor fees rose.\n\n“It is a fraud,” January said.";
    assert_eq!(speaker_of(t, "January", "January said", &[]), None);
    let t = "Theresa May toured the port.\n\n“It is a fraud,” May said.";
    let may = person("Theresa May", t);
    assert_eq!(speaker_of(t, "May", "May said", &[may]).as_deref(), Some("Theresa May"));
}

#[test]
fn an_apposition_is_the_name_right_before_its_comma() {
    let said = |t: &str| described_quote(t, "the nominee").speaker;
    // the name that ends the clause, not a capitalized word that opens it
    let t = "Voters in Ohio cheered Mary Stone, the Republican nominee, on Friday.\n\n“It is a fraud,” said the nominee.";
    assert_eq!(said(t).as_deref(), Some("Mary Stone"));
    // a clause that ends in a common word has no name in apposition
    let t = "Careless planning could sink the harbor deal, the Republican nominee warned.\n\n“It is a fraud,” said the nominee.";
    assert_eq!(said(t), None);
    // nor has an introductory phrase, whatever name ends it
    let t = "In the letters sent by the Harbor Authority, the Republican nominee attacked the port.\n\n“It is a fraud,” said the nominee.";
    assert_eq!(said(t), None);
}

#[test]
fn the_person_is_filed_not_the_affiliation() {
    let t = "“We disagree,” Ana Ruiz of the Harbor Institute said.";
    assert_eq!(
        speaker_of(t, "Ana Ruiz of the Harbor Institute", "Ana Ruiz", &[]).as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn a_surname_apart_joins_the_full_name_as_a_person() {
    let mut ents = vec![
        Entity { name: "Carson".into(), kind: EntityKind::Person, mentions: vec![(40, 46)] },
        Entity { name: "Ben Carson".into(), kind: EntityKind::Location, mentions: vec![(0, 10)] },
        Entity { name: "Detroit".into(), kind: EntityKind::Location, mentions: vec![(20, 27)] },
    ];
    normalize_entities(&mut ents);
    assert_eq!(ents.len(), 2);
    assert_eq!(ents[0].name, "Ben Carson");
    assert_eq!(ents[0].kind, EntityKind::Person);
    assert_eq!(ents[0].mentions, vec![(0, 10), (40, 46)]);
}

#[test]
fn organizations_are_typed_by_the_head_of_their_name_places_kept() {
    let e = |n: &str, k| Entity { name: n.into(), kind: k, mentions: vec![(0, 1)] };
    let mut ents = vec![
        e("Harbor Policy Institution", EntityKind::Person),
        e("Green Party", EntityKind::Other),
        e("East Bank", EntityKind::Location),
        e("Twitter", EntityKind::Person),
    ];
    normalize_entities(&mut ents);
    let kinds: Vec<EntityKind> = ents.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [EntityKind::Organization, EntityKind::Organization, EntityKind::Location, EntityKind::Organization]
    );
}

#[test]
fn a_first_name_alone_takes_the_full_name() {
    let t = "Her husband Tom Ebner joined.\n\n“Fine,” Tom said.";
    assert_eq!(speaker_of(t, "Tom", "Tom said", &[]).as_deref(), Some("Tom Ebner"));
}

#[test]
fn a_name_written_surname_first_is_found_by_its_first_word() {
    let t = "Shen Xincheng, a retired teacher, watched the debate.\n\n“It was strange,” Shen said.";
    let ents = [person("Shen Xincheng", t)];
    assert_eq!(speaker_of(t, "Shen", "Shen said", &ents).as_deref(), Some("Shen Xincheng"));
    // (a first name the Census lists lack opens a Western name the same way, whose surname may
    // be a first name too)
    let t = "I told Megyn Kelly the news. Megyn was incredulous.\n\n“Only you,” Megyn said.";
    let ents = [person("Megyn Kelly", t)];
    assert_eq!(speaker_of(t, "Megyn", "Megyn said", &ents).as_deref(), Some("Megyn Kelly"));
    // not when someone's name ends with it
    let t = "Shen Xincheng and Li Shen watched the debate.\n\n“It was strange,” Shen said.";
    let ents = [person("Shen Xincheng", t), person("Li Shen", t)];
    assert_eq!(speaker_of(t, "Shen", "Shen said", &ents).as_deref(), Some("Li Shen"));
}

#[test]
fn the_ministry_is_the_institution_named_by_whose_it_is_before() {
    let text = "Sea Talks\n\nJapan urged restraint, while China's foreign ministry also weighed in on the comments.\n\n\
                \"Countries outside the region should stick to their promises,\" the ministry said in a statement.\n";
    let x = crate::extract::extract(text, 0, crate::extract::ExtractOptions::default());
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("China's foreign ministry"));
    // without such a phrase before, "the ministry" stays a description
    let text = "Sea Talks\n\nJapan urged restraint on Monday.\n\n\
                \"Countries outside the region should stick to their promises,\" the ministry said in a statement.\n";
    let x = crate::extract::extract(text, 0, crate::extract::ExtractOptions::default());
    assert_eq!(x.quotes[0].speaker, None);
}

#[test]
fn a_curly_mark_before_the_institution_noun_does_not_cut_a_character() {
    // the sentence before "campaign" holds a '“' (three bytes) that the search for the owner
    // stops at
    let text = "Ads\n\nThe “Clinton” campaign ran an ad on Monday.\n\n\
                \"We are ready,\" the campaign said in a statement.\n";
    let x = crate::extract::extract(text, 0, crate::extract::ExtractOptions::default());
    assert_eq!(x.quotes.len(), 1);
}

#[test]
fn of_two_spellings_of_a_name_the_one_written_more_often() {
    let t = "Marianne Kowalski spoke first. Marianne Kowalski then left. Mariane Kowalski came back.\n\n\
             “We sang,” Kowalski said.";
    let ents = [person("Marianne Kowalski", t), person("Mariane Kowalski", t)];
    assert_eq!(speaker_of(t, "Kowalski", "Kowalski said", &ents).as_deref(), Some("Marianne Kowalski"));
    // two people, not two spellings: the one just named
    let t = "Marianne Kowalski spoke first. Marianne Kowalski then left. Adrian Kowalski came back.\n\n\
             “We sang,” Kowalski said.";
    let ents = [person("Marianne Kowalski", t), person("Adrian Kowalski", t)];
    assert_eq!(speaker_of(t, "Kowalski", "Kowalski said", &ents).as_deref(), Some("Adrian Kowalski"));
}

#[test]
fn an_initial_or_a_title_ends_no_sentence_when_a_description_looks_back() {
    let t = "On Monday Ana Ruiz brought her father, Paul T. Ruiz, and her aunt, Mary Ruiz, to the hall.\n\n\
             “It works,” the former mayor told the crowd.";
    let ents = [person("Ana Ruiz", t), person("Paul T. Ruiz", t), person("Mary Ruiz", t)];
    assert_eq!(speaker_of(t, "the former mayor", "the former mayor", &ents).as_deref(), Some("Ana Ruiz"));
    assert_eq!(sentence_start(t, t.find("Mary").unwrap()), 0);
    assert_eq!(sentence_start("Sen. Ted Cruz won. He left.", 20), 18);
}

#[test]
fn a_document_speaks_for_who_sent_it_by_the_verb_of_its_noun() {
    let t = "Ana Ruiz, the group's treasurer, emailed members on Monday.\n\n\
             The email goes on to say: “We have to be ready.”";
    let ents = [person("Ana Ruiz", t)];
    assert_eq!(resolved(t, None, "The email", &ents).as_deref(), Some("Ana Ruiz"));
    // no one sent it: nobody
    let t = "Members were angry on Monday.\n\nThe email goes on to say: “We have to be ready.”";
    assert_eq!(resolved(t, None, "The email", &[]), None);
}

#[test]
fn a_description_after_a_sentence_of_he_goes_back_to_the_person_he_is() {
    let t = "Mr. Okafor likes surprises. This year, he praised the league's chief.\n\n\
             And he even spoke highly of Mr. Hale after the event.\n\n\
             “He is a bright man,” the Nigerian leader said.";
    let ents = [person("Okafor", t), person("Hale", t)];
    assert_eq!(speaker_of(t, "the Nigerian leader", "the Nigerian leader", &ents).as_deref(), Some("Okafor"));
    // a sentence before that ends in a curly mark (three bytes)
    let t = "Mr. Okafor likes “surprises.”\n\nAnd he even spoke highly of Mr. Hale after the event.\n\n\
             “He is a bright man,” the Nigerian leader said.";
    let ents = [person("Okafor", t), person("Hale", t)];
    assert_eq!(speaker_of(t, "the Nigerian leader", "the Nigerian leader", &ents).as_deref(), Some("Okafor"));
    // the sentence names its own subject: that person
    let t = "Mr. Okafor likes surprises.\n\nMr. Hale even spoke highly of Mr. Okafor after the event.\n\n\
             “He is a bright man,” the Nigerian leader said.";
    let ents = [person("Okafor", t), person("Hale", t)];
    assert_eq!(speaker_of(t, "the Nigerian leader", "the Nigerian leader", &ents).as_deref(), Some("Hale"));
}

#[test]
fn an_unnamed_speaker_opened_by_a_quantifier_is_no_name() {
    let t = "Talks\n\nThe United States and Japan met on Monday.\n\n“We are together on this,” said one U.S. trade official.";
    let us = Entity { name: "United States".into(), kind: EntityKind::Location, mentions: vec![] };
    let pos = t.find("one U.S.").unwrap();
    let mut q = vec![Quote {
        start: t.find("We are").unwrap(),
        end: t.find(",”").unwrap(),
        paragraph: 2,
        direct: true,
        speaker: Some("U.S.".into()),
        mention: Some((pos, pos + "one U.S. trade official".len())),
        cue: Some("said".into()),
        description: None,
        named_by: None,
    }];
    resolve(t, &mut q, &[us]);
    assert_eq!(q[0].speaker, None);
    assert_eq!(q[0].description.as_deref(), Some("one U.S. trade official"));
}

#[test]
fn a_document_of_a_pronoun_speaks_for_the_person_the_pronoun_is() {
    // "his campaign sent out an email": the latest man named before
    let t = "Mary Stone spoke after Tom Reyes on Friday.\n\n\
             On Saturday, his campaign sent out a fundraising email. “We are winning,” read the email.";
    let ents = [person("Mary Stone", t), person("Tom Reyes", t)];
    assert_eq!(resolved(t, None, "the email", &ents).as_deref(), Some("Tom Reyes"));
    // "her": the latest woman
    let t = t.replace("his campaign", "her campaign");
    let ents = [person("Mary Stone", &t), person("Tom Reyes", &t)];
    assert_eq!(resolved(&t, None, "the email", &ents).as_deref(), Some("Mary Stone"));
    // a pronoun far from the document is another clause's: nobody
    let t = "Tom Reyes spoke on Friday.\n\n\
             But he changed his mind in June after long talks with friends in the party as a new book \
             reports. The book says “he was wrong.”";
    assert_eq!(resolved(t, None, "The book", &[person("Tom Reyes", t)]), None);
}

#[test]
fn it_after_a_sentence_that_names_a_document_is_the_documents_author() {
    let t =
        "Officer Ana Ruiz wrote in the affidavit that the crowd was calm. It continued: “No one was hurt.”";
    assert_eq!(resolved(t, None, "It", &[person("Ana Ruiz", t)]).as_deref(), Some("Ana Ruiz"));
    // no document: nobody
    let t = "Officer Ana Ruiz said the crowd was calm. It continued: “No one was hurt.”";
    assert_eq!(resolved(t, None, "It", &[person("Ana Ruiz", t)]), None);
}

#[test]
fn his_in_an_introductory_phrase_is_the_subject_after_it() {
    // "On his website, Reyes has ...": Reyes, not the man named last before
    let t = "Tom Reyes spoke after Dan Ortiz.\n\nOn his website, Reyes has posted new pictures. It says: “We will win.”";
    let at = |w: &str, from: usize| t[from..].find(w).map(|s| (from + s, from + s + w.len())).unwrap();
    let reyes = Entity {
        name: "Tom Reyes".into(),
        kind: EntityKind::Person,
        mentions: vec![at("Tom Reyes", 0), at("Reyes", t.find("On his").unwrap())],
    };
    let ents = [reyes, person("Dan Ortiz", t)];
    assert_eq!(resolved(t, None, "It", &ents).as_deref(), Some("Tom Reyes"));
}

#[test]
fn a_day_before_a_description_in_apposition_is_not_its_name() {
    // "on Wednesday, the company said": the comma ends a phrase of time, not a name
    let text = "Acme Corp. has struggled since it went public.\n\nJust days before it was to report earnings on Wednesday, the company said on Friday that it had cut jobs.\n\nIts statement was short. “We regret it,” a statement from the company said.";
    let acme = Entity {
        name: "Acme Corp.".into(),
        kind: EntityKind::Organization,
        mentions: vec![(0, "Acme Corp.".len())],
    };
    let pos = text.rfind("the company").unwrap();
    let mut q = vec![Quote {
        start: pos,
        end: pos + 1,
        paragraph: 0,
        direct: true,
        speaker: None,
        mention: Some((pos, pos + "the company".len())),
        cue: None,
        description: None,
        named_by: None,
    }];
    resolve(text, &mut q, &[acme]);
    assert_eq!(q[0].speaker.as_deref(), Some("Acme Corp."));
}

#[test]
fn an_office_with_an_of_phrase_is_held_by_the_name_after_it() {
    // the quote finder stopped at "of": the speaker is the person the office's words lead to
    let text = "Budget cuts\n\nAssistant Secretary of the Navy for Research Paula Grant defended the plan, saying, “We will review it.”";
    let who = speaker_of(text, "Assistant Secretary", "Assistant Secretary", &[]);
    assert_eq!(who.as_deref(), Some("Paula Grant"));
    // an office without a name after it gives none
    let text = "Budget cuts\n\nThe Secretary of the Navy defended the plan, saying, “We will review it.”";
    assert_ne!(speaker_of(text, "Secretary", "Secretary", &[]).as_deref(), Some("Navy"));
}

fn org(name: &str, text: &str) -> Entity {
    let mentions = text.match_indices(name).map(|(p, _)| (p, p + name.len())).collect();
    Entity { name: name.into(), kind: EntityKind::Organization, mentions }
}

#[test]
fn the_newspaper_goes_back_to_a_publication_and_the_group_never_does() {
    let t = "The Harbor Daily News said the Riverside Gun Club had lobbied lawmakers.\n\n\
             According to the newspaper, “the club wrote the bill.”";
    let ents = [org("Harbor Daily News", t), org("Riverside Gun Club", t)];
    assert_eq!(resolved(t, None, "the newspaper", &ents).as_deref(), Some("Harbor Daily News"));
    // a name the article writes with "newspaper" beside it is a publication's too
    let t = "The newspaper Zorya praised the Harbor Union's plan.\n\n“It is bold,” the newspaper said.";
    let ents = [org("Zorya", t), org("Harbor Union", t)];
    assert_eq!(resolved(t, None, "the newspaper", &ents).as_deref(), Some("Zorya"));
    // and the name a description holds is that publication's
    let t = "Prices rose.\n\n“It was a shock,” the influential Zorya magazine said.";
    assert_eq!(resolved(t, None, "the influential Zorya magazine", &[]).as_deref(), Some("Zorya"));
    let t = "The Harbor Alliance marched on Monday. The Valley Times reported it.\n\n“We will be back,” the group said.";
    let ents = [org("Harbor Alliance", t), org("Valley Times", t)];
    assert_eq!(resolved(t, None, "the group", &ents).as_deref(), Some("Harbor Alliance"));
}

#[test]
fn a_role_noun_does_not_go_back_to_an_organization_named_with_it() {
    // "leader" is a person's role, whatever newspaper is called a "Leader"
    let t =
        "Tom Reed spoke to the Harbor Leader on Monday.\n\n“We will win,” the Senate minority leader said.";
    let ents = [person("Tom Reed", t), org("Harbor Leader", t)];
    assert_eq!(resolved(t, None, "the Senate minority leader", &ents).as_deref(), Some("Tom Reed"));
}

#[test]
fn an_abbreviation_inside_a_sentence_and_a_dateline_do_not_end_it() {
    let t = "Mary S. Stone (D-Nev.) blasted Reed and praised Hale in an interview.";
    assert_eq!(sentence_start(t, t.find("Hale").unwrap()), 0);
    let t = "Sen. Mary Stone, D-Nev., blasted Reed.";
    assert_eq!(sentence_start(t, t.find("Reed").unwrap()), 0);
    let t = "LANDOVER, MD., April 3 - The Harbor Union said it would strike.";
    assert_eq!(sentence_start(t, t.find("Harbor").unwrap()), t.find("The Harbor").unwrap());
    // a period before a capitalized word still ends one
    let t = "Reed left. Hale stayed.";
    assert_eq!(sentence_start(t, t.find("Hale").unwrap()), t.find(" Hale").unwrap());
}

#[test]
fn a_surname_with_a_title_names_the_one_introduced_in_full_first() {
    // the abstract calls the brother "Freddy" before the body names "Donald J. Okafor"; the
    // brother is written in full only later
    let t = "ABSTRACT. He rarely speaks of his brother Freddy.\n\n\
             One evening, Donald J. Okafor met Freddy. Freddy Okafor was older.\n\n\
             “It worked for me,” Mr. Okafor said.";
    let freddy = Entity {
        name: "Freddy Okafor".into(),
        kind: EntityKind::Person,
        mentions: t.match_indices("Freddy").map(|(p, _)| (p, p + 6)).collect(),
    };
    let ents = [freddy, person("Donald J. Okafor", t)];
    assert_eq!(speaker_of(t, "Freddy Okafor", "Mr. Okafor", &ents).as_deref(), Some("Donald J. Okafor"));
}

#[test]
fn of_two_spellings_written_as_often_the_one_with_more_mentions() {
    let t = "Marissol Okafor won. Marisol Okafor spoke. Ms. Okafor left. Ms. Okafor came back.\n\n\
             “It works,” Okafor said.";
    let mut many = person("Marisol Okafor", t);
    many.mentions.extend(t.match_indices("Ms. Okafor").map(|(p, _)| (p, p + 10)));
    let ents = [person("Marissol Okafor", t), many];
    assert_eq!(speaker_of(t, "Marissol Okafor", "Okafor", &ents).as_deref(), Some("Marisol Okafor"));
}

#[test]
fn a_first_surname_alone_names_the_person_of_two_surnames() {
    let t = "Marisol Acosta Febo, the bank's president, spoke on Monday.\n\n“We need a new law,” said Ms. Acosta.";
    let ents = [person("Marisol Acosta Febo", t)];
    assert_eq!(speaker_of(t, "Acosta", "Ms. Acosta", &ents).as_deref(), Some("Marisol Acosta Febo"));
    // (not a company's last word: "Paul Acosta Group")
    let t = "Paul Acosta Group bought a bank.\n\n“We need a new law,” said Mr. Acosta.";
    let org = Entity { name: "Paul Acosta Group".into(), kind: EntityKind::Person, mentions: vec![(0, 17)] };
    assert_ne!(speaker_of(t, "Acosta", "Mr. Acosta", &[org]).as_deref(), Some("Paul Acosta Group"));
}

#[test]
fn a_description_of_an_office_is_no_former_holder_of_it() {
    // "the governor" is Gov. Mary Stone, not Ann Hale, "the former Harbor governor" named
    // nearer; "the former governor" is Ann Hale
    let t = "Gov. Mary Stone toured the port. Ann Hale, the former Harbor governor, stayed home.\n\n\
             “It is a fraud,” said the governor.";
    assert_eq!(described_quote(t, "the governor").speaker.as_deref(), Some("Mary Stone"));
    let t = "Gov. Mary Stone toured the port. Ann Hale, the former Harbor governor, stayed home.\n\n\
             “It is a fraud,” said the former governor.";
    assert_eq!(described_quote(t, "the former governor").speaker.as_deref(), Some("Ann Hale"));
}

#[test]
fn a_description_names_the_person_in_apposition_after_it() {
    let t = "“He was a great guy,” said his best friend at Lehigh, Tom Reed, who knew him.";
    let reed = person("Tom Reed", t);
    assert_eq!(
        resolved(t, None, "his best friend", std::slice::from_ref(&reed)).as_deref(),
        Some("Tom Reed")
    );
    let t = "“He was a great guy,” said a spokesman, Tom Reed.";
    assert_eq!(resolved(t, None, "a spokesman", &[person("Tom Reed", t)]).as_deref(), Some("Tom Reed"));
    // (a name that goes on is no apposition: "a spokesman, Tom Reed's deputy")
    let t = "“He was a great guy,” said a spokesman, Tom Reed's deputy.";
    assert_eq!(resolved(t, None, "a spokesman", &[person("Tom Reed", t)]), None);
}

#[test]
fn a_description_in_apposition_after_a_name_is_that_persons() {
    let t = "“You stick everybody together,” said Tom Reed, organizer of a group called Citizens for Hale.";
    assert_eq!(
        resolved(t, None, "organizer of a group", &[person("Tom Reed", t)]).as_deref(),
        Some("Tom Reed")
    );
}

#[test]
fn a_name_in_apposition_that_is_no_speaker_leaves_the_description() {
    // "the replacement of Funaro, a foreign banker told Reuters": the banker is another person
    let t = "Bankers want the replacement of Tom Reed, a foreign banker told Reuters, “They see it so.”";
    assert_eq!(resolved(t, None, "a foreign banker", &[person("Tom Reed", t)]), None);
}

#[test]
fn a_description_names_its_person_with_a_participle_of_naming() {
    let t = "“There never was a stand-down order,” said the base chief known as Bob, speaking publicly.";
    assert_eq!(resolved(t, None, "the base chief known", &[person("Bob", t)]).as_deref(), Some("Bob"));
    let t = "“He is genuine,” said a 70-year-old academic named Eric Kingson, who is running.";
    assert_eq!(
        resolved(t, None, "a 70-year-old academic", &[person("Eric Kingson", t)]).as_deref(),
        Some("Eric Kingson")
    );
}

#[test]
fn a_quotations_last_word_is_no_nickname_of_the_name_after_it() {
    // "“Technicals,” Bob said": not a nickname inside a name, as Robert C. "Bobby" Scott's is
    let t = "One of the things he wanted was a gun truck. “Technicals,” Bob said. The militias were evasive.";
    assert_eq!(speaker_of(t, "Bob", "Bob", &[person("Bob", t)]).as_deref(), Some("Bob"));
    let t = "A man named \"Technicals,\" Bob said. The militias were evasive.";
    assert_eq!(speaker_of(t, "Bob", "Bob", &[person("Bob", t)]).as_deref(), Some("Bob"));
}

#[test]
fn a_place_the_recognizer_guessed_speaks_a_known_place_does_not() {
    let place = |name: &str, text: &str| Entity {
        name: name.into(),
        kind: EntityKind::Location,
        mentions: text.match_indices(name).map(|(p, _)| (p, p + name.len())).collect(),
    };
    // a company the recognizer took for a place
    let t = "“We look forward to having all our employees back,” Verizane said in a statement.";
    assert_eq!(speaker_of(t, "Verizane", "Verizane", &[place("Verizane", t)]).as_deref(), Some("Verizane"));
    // a place the gazetteer knows, one a place's head ends, one the text puts something in
    let t = "“We look forward to it,” Ohio said.";
    assert_eq!(speaker_of(t, "Ohio", "Ohio", &[place("Ohio", t)]), None);
    let t = "“We look forward to it,” Verizane Square said.";
    assert_eq!(speaker_of(t, "Verizane Square", "Verizane Square", &[place("Verizane Square", t)]), None);
    let t = "Fans in Verizane cheered. “We look forward to it,” Verizane said.";
    assert_eq!(speaker_of(t, "Verizane", "Verizane said", &[place("Verizane", t)]), None);
}

#[test]
fn a_campaign_of_his_or_hers_speaks_for_the_person_the_pronoun_is() {
    let t = "Even before Tom Reed took the stage to acknowledge his victory, his campaign sent out a text \
             saying: “With your help, we will win.”";
    assert_eq!(resolved(t, None, "his campaign", &[person("Tom Reed", t)]).as_deref(), Some("Tom Reed"));
    // (of the pronoun's gender: "her campaign" is not Tom Reed's)
    let t = "Mary Okafor spoke after Tom Reed. “They might make headlines,” her campaign wrote.";
    let ents = [person("Mary Okafor", t), person("Tom Reed", t)];
    assert_eq!(resolved(t, None, "her campaign", &ents).as_deref(), Some("Mary Okafor"));
}

#[test]
fn a_document_label_gives_the_words_of_who_spoke_just_before() {
    let t = "Gov. John Kasich said, “I am getting ready to rent a wagon.”\n\nTranscript as follows:\n\n“Tonight we arrived in Cleveland.”";
    let quote = |words: &str, speaker: &str, at: &str| quote_of(t, words, speaker, at, None);
    let mut qs = vec![
        quote("I am getting ready", "John Kasich", "Gov. John Kasich"),
        quote("Tonight we arrived", "Transcript", "Transcript"),
    ];
    resolve(t, &mut qs, &[person("John Kasich", t)]);
    assert_eq!(qs[1].speaker.as_deref(), Some("John Kasich"));
    // alone, the label names no one
    assert_eq!(speaker_of(t, "Transcript", "Transcript", &[person("John Kasich", t)]), None);
}

#[test]
fn a_document_speaks_for_its_owner_and_a_suit_for_who_filed_it() {
    let t = "Jeb Bush backed Ted Cruz on Wednesday. From Bush's Facebook post: “We must unite.”";
    let at = t.find("Bush's").unwrap();
    let jeb =
        Entity { name: "Jeb Bush".into(), kind: EntityKind::Person, mentions: vec![(0, 8), (at, at + 4)] };
    let ents = [jeb, person("Ted Cruz", t)];
    assert_eq!(resolved(t, None, "Bush's Facebook post", &ents).as_deref(), Some("Jeb Bush"));
    let t = "Bradley Podliska filed a lawsuit against the panel on Tuesday.\n\n“I was fired,” the suit says.";
    assert_eq!(
        resolved(t, None, "the suit", &[person("Bradley Podliska", t)]).as_deref(),
        Some("Bradley Podliska")
    );
}

#[test]
fn two_people_who_said_the_words_together_are_filed_under_the_first() {
    let t = "“It is a bill to steal the election,” Phil Berger and House Speaker Tim Moore said.";
    let ents = [person("Phil Berger", t), person("Tim Moore", t)];
    assert_eq!(speaker_of(t, "Tim Moore", "House Speaker Tim Moore", &ents).as_deref(), Some("Phil Berger"));
    // (one person alone stays)
    let t = "“It is a bill to steal the election,” Tim Moore said.";
    assert_eq!(
        speaker_of(t, "Tim Moore", "Tim Moore", &[person("Tim Moore", t)]).as_deref(),
        Some("Tim Moore")
    );
}

#[test]
fn an_account_speaks_for_its_holder_and_an_open_relative_clause_for_its_person() {
    let t = "Ivanka Trump spoke on Thursday.\n\nThe next day, her Twitter account posted: “Shop the look.”";
    let ents = [person("Ivanka Trump", t)];
    assert_eq!(resolved(t, None, "her Twitter account", &ents).as_deref(), Some("Ivanka Trump"));
    let t = "Anne Robinson spoke.\n\nMs Robinson, who presents The Weakest Link tells Mark Cole that she despaired.";
    let ms = t.find("Ms Robinson").unwrap();
    let robinson = Entity {
        name: "Anne Robinson".into(),
        kind: EntityKind::Person,
        mentions: vec![(0, 13), (ms, ms + 11)],
    };
    let wl = t.find("Weakest Link").unwrap();
    let show =
        Entity { name: "Weakest Link".into(), kind: EntityKind::Organization, mentions: vec![(wl, wl + 12)] };
    assert_eq!(
        speaker_of(t, "Weakest Link", "Weakest Link", &[robinson, show]).as_deref(),
        Some("Anne Robinson")
    );
}

#[test]
fn a_named_source_after_according_to_is_no_place() {
    let t = "Labott praised her.\n\nAccording to the Daily Caller, “Labott also coordinated with Reines.”";
    let m = t.find("the Daily Caller").unwrap();
    let mut q = vec![quote_of(t, "Labott also", "Daily Caller", "the Daily Caller", Some("according to"))];
    // (the recognizer took the outlet for a place)
    let dc =
        Entity { name: "Daily Caller".into(), kind: EntityKind::Location, mentions: vec![(m + 4, m + 16)] };
    resolve(t, &mut q, &[person("Labott", t), dc]);
    assert_eq!(q[0].speaker.as_deref(), Some("Daily Caller"));
}

#[test]
fn the_company_is_no_program_or_institute() {
    let t = "Twitter said it had suspended the accounts. Faiza Patel of the Liberty and National Security Program \
             welcomed it.\n\n“There is no magic algorithm,” the company said.";
    let org = |n: &str| Entity {
        name: n.into(),
        kind: EntityKind::Organization,
        mentions: t.match_indices(n).map(|(p, _)| (p, p + n.len())).collect(),
    };
    let ents = [org("Twitter"), person("Faiza Patel", t), org("Liberty and National Security Program")];
    assert_eq!(resolved(t, None, "the company", &ents).as_deref(), Some("Twitter"));
}

#[test]
fn a_description_goes_to_the_subject_after_an_introductory_phrase() {
    let t = "One month after announcing her support for Tom Moore, Mary Stone still says he is unfit. “I stand by it,” the Ohio senator told reporters.";
    let ents = [person("Tom Moore", t), person("Mary Stone", t)];
    assert_eq!(speaker_of(t, "Ohio senator", "the Ohio senator", &ents).as_deref(), Some("Mary Stone"));
}
