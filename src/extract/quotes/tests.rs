use super::*;

pub(super) fn paras(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for chunk in t.split("\n\n") {
        let lead = chunk.len() - chunk.trim_start().len();
        let s = pos + lead;
        let e = pos + chunk.trim_end().len();
        if e > s {
            out.push((s, e));
        }
        pos += chunk.len() + 2;
    }
    out
}

pub(super) fn run(t: &str) -> Vec<Quote> {
    extract(t, &paras(t), &[])
}

#[test]
fn empty_input() {
    assert!(run("").is_empty());
}

pub(super) fn find<'a>(t: &str, qs: &'a [Quote], words: &str) -> &'a Quote {
    qs.iter().find(|q| &t[q.start..q.end] == words).unwrap_or_else(|| panic!("no quote {words:?} in {qs:#?}"))
}

pub(super) fn mention<'a>(t: &'a str, q: &Quote) -> &'a str {
    q.mention.map_or("", |(s, e)| &t[s..e])
}

#[test]
fn split_quote_with_pronoun() {
    let t = "Mary Okafor, the city's budget director, spoke on Monday. “We cannot pay for it,” she said. “Not this year.”";
    let q = run(t);
    assert_eq!(q.len(), 2);
    let a = find(t, &q, "We cannot pay for it,");
    assert_eq!(a.speaker.as_deref(), Some("Mary Okafor"));
    assert_eq!(mention(t, a), "she");
    assert_eq!(a.cue.as_deref(), Some("said"));
    let b = find(t, &q, "Not this year.");
    assert_eq!(b.speaker.as_deref(), Some("Mary Okafor"));
    assert_eq!(a.description.as_deref(), Some("the city's budget director"));
}

#[test]
fn straight_single_and_doubled_marks() {
    for (t, words) in [
        ("\"The bridge will open in May,\" said Tom Reyes, a city engineer.", "The bridge will open in May,"),
        ("'The bridge will open in May,' said Tom Reyes, a city engineer.", "The bridge will open in May,"),
        (
            "''The bridge won't open in May,'' said Tom Reyes, a city engineer.",
            "The bridge won't open in May,",
        ),
    ] {
        let q = run(t);
        let a = find(t, &q, words);
        assert_eq!(a.speaker.as_deref(), Some("Tom Reyes"), "{t}");
        assert_eq!(a.description.as_deref(), Some("a city engineer"), "{t}");
        assert!(a.direct);
    }
}

#[test]
fn apostrophes_are_not_quotes() {
    let t = "Israel’s leaders don't talk about the '90s, and the players' union hasn't either.";
    assert!(run(t).is_empty());
}

#[test]
fn quote_over_two_paragraphs() {
    let t = "Anna Berg told reporters: “The first part of what she said ends here without a mark.\n\n“And the second part goes on in the next paragraph.”";
    let q = run(t);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[0].paragraph, 0);
    assert_eq!(q[1].paragraph, 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Anna Berg"));
    assert_eq!(q[1].speaker.as_deref(), Some("Anna Berg"));
}

#[test]
fn colon_and_partial_quotes() {
    let t = "The mayor, Lee Chan, said the plan was “a real mistake” for the town. Later Chan added: “We will vote against it.”";
    let q = run(t);
    let a = find(t, &q, "a real mistake");
    assert_eq!(a.speaker.as_deref(), Some("Lee Chan"));
    let b = find(t, &q, "We will vote against it.");
    assert_eq!(b.speaker.as_deref(), Some("Lee Chan"));
    assert_eq!(mention(t, b), "Chan");
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    let t = "They signed a so-called ‘deal’ last week. Many went to see the film “Oppenheimer” on Friday.";
    assert!(run(t).is_empty(), "{:#?}", run(t));
}

#[test]
fn transcript_lines() {
    let t = "Vice President Mike Pence spoke to the host.\n\nQ: Will you run again?\n\nPENCE: Well, look, I have not decided.";
    let q = run(t);
    let p = q.iter().find(|x| t[x.start..x.end].starts_with("Well")).expect("pence line");
    assert_eq!(p.speaker.as_deref(), Some("Mike Pence"));
    assert!(!p.direct);
    assert_eq!(p.cue.as_deref(), Some(":"));
    let qline = q.iter().find(|x| t[x.start..x.end].starts_with("Will you")).expect("question");
    assert_eq!(mention(t, qline), "Q");
}

#[test]
fn organization_and_unnamed_sources() {
    let t =
        "“The wording is unacceptable,” Netanyahu’s office said. “We will not accept it,” officials said.";
    let q = run(t);
    assert_eq!(find(t, &q, "The wording is unacceptable,").speaker.as_deref(), Some("Netanyahu’s office"));
    let b = find(t, &q, "We will not accept it,");
    assert_eq!(b.speaker, None);
    assert_eq!(mention(t, b), "officials");
}

#[test]
fn title_and_surname_resolve_to_full_name() {
    let t = "James Clyburn, the House whip, spoke first.\n\n“We have the votes,” Mr. Clyburn said.";
    let q = run(t);
    let a = find(t, &q, "We have the votes,");
    assert_eq!(a.speaker.as_deref(), Some("James Clyburn"));
    assert_eq!(mention(t, a), "Mr. Clyburn");
    assert_eq!(a.description.as_deref(), Some("the House whip"));
}

#[test]
fn known_names_help() {
    let t = "“It is done,” Kirby said.";
    let ms = [(13usize, 18usize)];
    let known = [KnownName { name: "John Kirby", is_person: true, is_org: false, mentions: &ms }];
    let q = extract(t, &paras(t), &known);
    assert_eq!(q[0].speaker.as_deref(), Some("John Kirby"));
}

#[test]
fn according_to() {
    let t = "“The numbers are wrong,” according to Dana White, a statistician.";
    let q = run(t);
    assert_eq!(q[0].cue.as_deref(), Some("according to"));
    assert_eq!(q[0].speaker.as_deref(), Some("Dana White"));
}

#[test]
fn odd_inputs_never_panic() {
    for t in [
        "“",
        "\"",
        "'",
        "''",
        "“é",
        "é”",
        "“a” “b",
        "said “",
        "“x,” said",
        "\u{2019}90s “ü,” sagte Jürgen Groß.\n\n“",
        "“\n\n”",
        "PENCE:",
        "Q: ",
        ": “a”",
    ] {
        let _ = run(t);
        // paragraphs out of range or off char boundaries are skipped
        let _ = extract(t, &[(0, t.len() + 5), (1, 2), (3, 1)], &[]);
    }
}

/// The seed article (../shared/corpus), every quote and speaker of its gold.
#[test]
fn seed_article() {
    let t = include_str!("seed_article.txt");
    let q = run(t);
    let expect = [
        ("A cease-fire of any duration must come with the release of hostages,", "Linda Thomas-Greenfield", "she"),
        ("This is the only path.", "Linda Thomas-Greenfield", "she"),
        ("a very bad omen,", "Itamar Rabinovich", "Itamar Rabinovich"),
        ("If things continue this way,", "Itamar Rabinovich", "he"),
        ("will become less special.", "Itamar Rabinovich", "he"),
        ("a pretty potent symbol,", "Dennis Ross", "he"),
        ("It’s disappointing,", "John Kirby", "Kirby"),
        ("to have a fulsome conversation with them about viable alternatives to going in on the ground in Rafah.", "John Kirby", "Kirby"),
        ("no operational significance", "Benny Gantz", "Benny Gantz"),
        ("Israel will continue to listen to our allies while doing what is best for our national security,", "Benny Gantz", "Gantz"),
        ("What guides him is not a hostage deal but the survival of his government.", "Noam Tibon", "Noam Tibon"),
    ];
    for (words, speaker, men) in expect {
        let a = find(t, &q, words);
        assert_eq!(a.speaker.as_deref(), Some(speaker), "{words}");
        assert_eq!(mention(t, a), men, "{words}");
    }
    let desc = |name: &str| {
        q.iter().find(|x| x.speaker.as_deref() == Some(name)).and_then(|x| x.description.clone())
    };
    assert_eq!(desc("John Kirby").as_deref(), Some("National Security Council spokesman"));
    assert_eq!(
        desc("Gilad Kariv").as_deref(),
        Some("an opposition lawmaker in Israel’s left-wing Labor party")
    );
    assert_eq!(desc("Linda Thomas-Greenfield").as_deref(), Some("the U.S. ambassador to the U.N."));
    // 16 quotes of persons, plus the resolution's long fragment (a document: nobody)
    assert_eq!(q.iter().filter(|x| x.speaker.is_some()).count(), 16);
    assert!(q.iter().all(|x| x.speaker.is_some() || t[x.start..x.end].starts_with("leading to")));
}

#[test]
fn main_clause_speaker_over_an_embedded_cue() {
    let t = "Senator Dana Whitlock said she is certain Governor Ames will continue to be “a steady hand in a storm.”";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "a steady hand in a storm.")), "Senator Dana Whitlock");
}

#[test]
fn an_introductory_phrase_is_not_the_subject() {
    let t = "Moreover, Priya Nandakumar warned that the levee was “a disaster waiting to happen.”\n\nFacing mounting questions, the mayor released a statement, saying “We will rebuild the levee.”";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "a disaster waiting to happen.")), "Priya Nandakumar");
    let t = "When Tom Brill, the club's treasurer, was asked about the deficit at the annual meeting, he laughed and said, “We will manage.”";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "We will manage.")), "he");
}

#[test]
fn a_cue_of_the_next_sentence_does_not_take_a_partial_quote() {
    let t = "Ortega said the budget was “the best we could do this year.” The treasurer said the deficit would shrink by spring.";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "the best we could do this year.")), "Ortega");
}

#[test]
fn a_common_noun_subject_is_a_phrase() {
    let t = "The memo contends that “the program was never audited by anyone outside the agency.”";
    let q = run(t);
    let a = find(t, &q, "the program was never audited by anyone outside the agency.");
    assert_eq!(mention(t, a), "The memo");
    assert_eq!(a.speaker, None);
}

#[test]
fn a_pronoun_skips_a_person_of_the_other_gender() {
    let t = "Mary Whitcombe introduced John Abernathy at the town hall. She said, “We will finish the bridge on time and under budget.”";
    let q = run(t);
    let a = find(t, &q, "We will finish the bridge on time and under budget.");
    assert_eq!(mention(t, a), "She");
    assert_eq!(a.speaker.as_deref(), Some("Mary Whitcombe"));
}

#[test]
fn the_object_of_telling_is_no_speaker() {
    let t = "The Harbor Fund declined to address “that person,” telling Channel 9 that it is focused on “cleaning up the bay.”";
    let q = run(t);
    let a = find(t, &q, "that person,");
    assert_ne!(mention(t, a), "Channel 9");
    let t =
        "“The budget is a mess,” Jeb Arden, the former treasurer and a candidate for mayor, told Channel 9.";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "The budget is a mess,")), "Jeb Arden");
}

#[test]
fn a_continuation_after_a_relative_clause_goes_to_the_name() {
    let t = "“I will vote for the levy,” said Nora Quill, 24, of Eastport, who said the schools need repairs. “It is for the children, not the contractors.”";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "It is for the children, not the contractors.")), "Nora Quill");
}

#[test]
fn a_source_opening_or_closing_the_sentence_is_credited() {
    let t = "According to the Valley Gazette, Ortega praised the “tireless volunteers” at the shelter.";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "tireless volunteers")), "the Valley Gazette");
    let t = "Ortega said the shelter was “nearly full,” according to the Valley Gazette.";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "nearly full,")), "the Valley Gazette");
    let t = "More from the audit: “The agency could not account for four trucks and a boat.”";
    let q = run(t);
    assert_eq!(
        mention(t, find(t, &q, "The agency could not account for four trucks and a boat.")),
        "the audit"
    );
}

#[test]
fn a_pronoun_goes_to_the_subject_not_to_a_name_in_object_position() {
    let t = "Was Tom Moore satisfied with Paul Hale's answer?\n\n“To a point,” he said. “He changed the subject.”";
    let q = run(t);
    let a = find(t, &q, "To a point,");
    // both men: Tom Moore is the subject, "Paul Hale's" a possessive, so the subject wins over
    // the nearer name
    assert_eq!(a.speaker.as_deref(), Some("Tom Moore"));
    // the gender of the first name (US Census lists) rules a woman out for "he"
    let t = "Was Tess Moore satisfied with Paul Hale's answer?\n\n“To a point,” he said.";
    let q = run(t);
    assert_eq!(find(t, &q, "To a point,").speaker.as_deref(), Some("Paul Hale"));
}

#[test]
fn a_pronoun_prefers_the_main_clause_subject_and_skips_quoted_names() {
    let t = "Gov. Tom Moore predicted that voters will leave if Paul Hale wins.\n\n“That is not an issue,” he said.";
    let q = run(t);
    assert_eq!(find(t, &q, "That is not an issue,").speaker.as_deref(), Some("Tom Moore"));
    let t = "Paul Hale said, “I believe Tom Moore is wrong.”\n\nHe added, “We will win.”";
    let q = run(t);
    assert_eq!(find(t, &q, "We will win.").speaker.as_deref(), Some("Paul Hale"));
}

#[test]
fn a_pronoun_skips_common_words_and_plurals_at_a_sentence_start() {
    let t = "Tom Moore will sing on Friday. Audiences can expect a long show.\n\n“It comes from the heart,” he said.";
    let q = run(t);
    assert_eq!(find(t, &q, "It comes from the heart,").speaker.as_deref(), Some("Tom Moore"));
    // a surname ending in s stays a candidate when the article names the person in full
    let t = "Sen. Paul Brooks arrived at noon. Brooks spoke for an hour.\n\n“We are done,” he said.";
    let q = run(t);
    assert_eq!(find(t, &q, "We are done,").speaker.as_deref(), Some("Paul Brooks"));
}

#[test]
fn an_age_before_the_name_keeps_the_subject_a_subject() {
    let t = "Tom Moore spoke first.\n\nAt a rally in Dayton, Ohio, 62-year-old Mary Hale also railed against the plan. “It is wrong,” she said.";
    let q = run(t);
    assert_eq!(find(t, &q, "It is wrong,").speaker.as_deref(), Some("Mary Hale"));
}

#[test]
fn a_new_sentence_after_a_quote_that_ended_its_own_is_no_continuation() {
    let t = "Paul Hale, the sheriff, said the office was \"working on matters of the case.\" Mary Stone declined to comment, saying the \"inquiry is still open.\"";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "inquiry is still open.")), "Mary Stone");
}

#[test]
fn a_determiner_after_an_introductory_phrase_opens_the_subject() {
    let t = "In an interview with reporters Thursday, the Ohio Republican criticized the plan and said voters wanted to know if it was \"still in the game.\"";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "still in the game.")), "the Ohio Republican");
}

#[test]
fn a_cue_with_a_complement_after_a_finished_quote_starts_new_speech() {
    let t = "Paul Hale says \"the whole game has gone soft\" because \"football has become soft like the country.\" He says the referees are throwing too many flags.";
    let q = run(t);
    assert_ne!(mention(t, find(t, &q, "football has become soft like the country.")), "He");
}

#[test]
fn according_to_the_paper_and_with_a_phrase_before_a_participle() {
    let t = "The plan is \"dead on arrival,\" according to The Harbor Gazette.";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "dead on arrival,")), "The Harbor Gazette");
    let t = "The vote went ahead, with the county board saying the count was \"fair and complete.\"";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "fair and complete.")), "the county board");
}

#[test]
fn a_pronoun_takes_the_subject_of_the_last_speech_verb_over_an_earlier_sentence_subject() {
    // "campaign chairman Paul Manafort said": the role words before the name do not make it
    // an object; Trump, the subject of the sentence before, is not the speaker
    let t = "Donald Trump spoke on Sunday.\n\nTrump campaign chairman Paul Manafort said the appeal would grow. “We think the message resonates,” he said.";
    let q = run(t);
    assert_eq!(q[0].speaker.as_deref(), Some("Paul Manafort"));
    // an inverted attribution: "..., said Alan Abramowitz, a demographer"
    let t = "Donald Trump spoke on Sunday.\n\nThe promise appeals to voters, said Alan Abramowitz, a demographer. “He is trying to appeal to them,” he said.";
    let q = run(t);
    assert_eq!(q[0].speaker.as_deref(), Some("Alan Abramowitz"));
    // but "said Mr. Trump had ...": Trump is the subject of the reported clause, not of "said"
    let t = "Mike Coffman denounced the remarks. Mr. Coffman, who served, said Mr. Trump had disrespected troops.\n\n“I am deeply offended,” he said.";
    let q = run(t);
    assert_eq!(q[0].speaker.as_deref(), Some("Mike Coffman"));
}

#[test]
fn a_pronoun_subject_carries_its_antecedent_past_a_later_object() {
    // "he offered his thoughts on ... Donald Trump's appeal": the narrative's subject is still
    // the actor, whom the earlier quote's "he" named
    let t = "Noting he studied philosophy, Allen said he deliberates.\n\n“I am always searching,” he said.\n\nWhen the interview steered Allen toward the race, he offered his thoughts on front-runner Donald Trump’s appeal.\n\n“I think it is funny,” he said.";
    let t = format!("Tim Allen talks\n\n{t}");
    let q = run(&t);
    assert_eq!(q.last().and_then(|q| q.speaker.as_deref()), Some("Tim Allen"));
}

#[test]
fn a_name_whose_appositive_says_through_who_is_its_clause_subject() {
    let t = "Hillary Clinton said the emails were not classified.\n\nHer position was supported Friday by Sen. Dianne Feinstein of California, the ranking Democrat on the committee, who said none of the emails originated with Clinton.\n\n“It has never made sense to me,” she said in a statement.";
    let q = run(t);
    assert_eq!(q.last().and_then(|q| q.speaker.as_deref()), Some("Dianne Feinstein"));
}

#[test]
fn the_admiral_opening_a_clause_is_the_person_with_that_title() {
    let t = "Admiral rattles Beijing\n\nAdm. Harry B. Harris Jr., who leads the Pacific Command, spoke on Monday.\n\n''It is a bit unkind,'' Xinhua, the official news agency, wrote. ''It is impossible to ignore Admiral Harris's blood.''\n\nThe comments had two goals, the admiral said. First, they were meant to show that the command was isolated.\n\n''You know, when I am described as a Japanese admiral, it's not true,'' he said.";
    let q = run(t);
    assert_eq!(q.last().and_then(|q| q.speaker.as_deref()), Some("Harry B. Harris"));
}

#[test]
fn a_pronoun_after_a_full_name_outweighs_the_census_odds_of_its_first_name() {
    // "Lindsey" is mostly a woman's name in the Census lists; "his rival" says otherwise
    let t = "Sen. Lindsey Graham called out his rival Donald Trump on Thursday.\n\nGraham said, “We are losing the vote.”\n\nHe continued, “It is about repairing the damage.”";
    let s = t.find("Lindsey").unwrap_or(0);
    let ms = [(s, s + "Lindsey Graham".len())];
    let ts = t.find("Donald").unwrap_or(0);
    let ts = [(ts, ts + "Donald Trump".len())];
    let known = [
        KnownName { name: "Lindsey Graham", is_person: true, is_org: false, mentions: &ms },
        KnownName { name: "Donald Trump", is_person: true, is_org: false, mentions: &ts },
    ];
    let q = extract(t, &paras(t), &known);
    assert_eq!(q.last().and_then(|q| q.speaker.as_deref()), Some("Lindsey Graham"));
}

#[test]
fn a_title_case_headline_gives_no_antecedent() {
    let t = "Obama Claims Hillary Most Qualified Presidential Candidate Ever, But.\n\nOne of the central claims of President Barack Obama gave a speech to the convention on Wednesday.\n\nHe told his Democratic audience, to rowdy applause:\n\n“I can say with confidence there has never been a man or a woman more qualified.”";
    let q = run(t);
    assert_eq!(q.last().and_then(|q| q.speaker.as_deref()), Some("Barack Obama"));
}

#[test]
fn a_description_is_a_noun_phrase_not_an_adverb_nor_a_clause() {
    // the appositive is the description
    let t = "Dana Whitfield, the harbor master, spoke on Monday. “The pier is closed,” Whitfield said.";
    let q = run(t);
    assert_eq!(find(t, &q, "The pier is closed,").description.as_deref(), Some("the harbor master"));
    // a conjunctive adverb set off by commas is none
    let t = "Dana Whitfield, however, disagreed on Monday. “The pier is closed,” Whitfield said.";
    let q = run(t);
    assert_eq!(find(t, &q, "The pier is closed,").description, None);
    // nor a clause that opens with an auxiliary
    let t = "Dana Whitfield, has been under pressure for weeks. “The pier is closed,” Whitfield said.";
    let q = run(t);
    assert_eq!(find(t, &q, "The pier is closed,").description, None);
    // nor a run that holds a verb of speech
    let t = "Dana Whitfield, Tom Reyes noted in a letter to the council, is leaving. “The pier is closed,” Whitfield said.";
    let q = run(t);
    assert_eq!(find(t, &q, "The pier is closed,").description, None);
}

#[test]
fn a_phrase_of_time_between_subject_and_verb_is_no_subject() {
    // "in the past" stands between the relative pronoun and its verb
    let t = "Dana Fisk, who has in the past called the plan “a giveaway to developers,” voted against it.";
    let q = run(t);
    let a = find(t, &q, "a giveaway to developers,");
    assert_eq!(mention(t, a), "who");
    assert_eq!(a.speaker.as_deref(), Some("Dana Fisk"));
    // "at the time" after a name; a contracted pronoun ("he'd") opens the embedded clause
    let t =
        "Mayor Alan Price spoke first. Price at the time said he'd asked his “team” to check the numbers.";
    let q = run(t);
    let a = find(t, &q, "team");
    assert_eq!(mention(t, a), "Price");
    assert_eq!(a.speaker.as_deref(), Some("Alan Price"));
    // a month after "in"
    let t = "Harbor founder Dana Fisk in July said she was tired of hearing “guff” about the pier.";
    let q = run(t);
    let a = find(t, &q, "guff");
    assert_eq!(mention(t, a), "Dana Fisk");
    // a phrase of "of" belongs to the subject and is not skipped
    let t = "The head of the agency said “the pier is closed” on Monday.";
    let q = run(t);
    assert!(mention(t, find(t, &q, "the pier is closed")).contains("head"));
}

#[test]
fn he_goes_back_to_a_name_not_to_an_office_without_one() {
    let t = "Harbor board chair Dana Fisk, who is also Port Finance Minister, said the pier would open. “We are ready,” he said.";
    let q = run(t);
    assert_eq!(find(t, &q, "We are ready,").speaker.as_deref(), Some("Dana Fisk"));
}

#[test]
fn a_question_quote_takes_a_subject_with_a_long_appositive_after_it() {
    let t = "“Is anyone listening to us?” Ruth Miller, a retired dock worker from the east side, said quietly into the microphone.";
    let q = run(t);
    assert_eq!(find(t, &q, "Is anyone listening to us?").speaker.as_deref(), Some("Ruth Miller"));
    // a new sentence after it, whose verb of speech has another subject, does not take it
    let t = "“Is anyone listening to us?” Ruth Miller asked the crowd. Later the mayor and his deputy said nothing at all.";
    let q = run(t);
    assert_eq!(find(t, &q, "Is anyone listening to us?").speaker.as_deref(), Some("Ruth Miller"));
    let t =
        "“Is anyone listening?” The hall went quiet as the members of the board of the port said nothing.";
    let q = run(t);
    assert!(q.iter().all(|x| x.mention.is_none_or(|(s, e)| !t[s..e].contains("members"))));
}

#[test]
fn another_before_a_verb_of_speech_is_its_subject() {
    let t = "One fan wrote that the team was finished. Another tweeted, “The coach should resign over this.”";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "The coach should resign over this.")), "Another");
}

#[test]
fn a_day_is_no_speaker_and_a_relative_that_speaks_for_its_noun() {
    // the subject after "Even before ..., " is the phrase up to its verb
    let t = "Even before Price took the stage Tuesday night, his campaign sent out a text message to supporters saying: “We won the pier!”";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "We won the pier!")), "his campaign");
    // "on Tuesday night" is skipped; the phrase ends before its participle
    let t = "A fundraising email sent out by Price on Tuesday night warned of the fight ahead: “There are 14 votes left.”";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "There are 14 votes left.")), "A fundraising email");
    // "a message that said": the message
    let t =
        "The page was replaced at mid-morning Thursday by a message that said, “Sorry, the item is gone.”";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "Sorry, the item is gone.")), "a message");
}

#[test]
fn a_name_with_a_contracted_has_is_a_subject_not_a_possessive() {
    let t = "Mayor Tom Reyes spoke first. Alan Price's been saying for weeks that Fisk isn't ready. “You have never balanced a budget,” he said.";
    let q = run(t);
    assert_eq!(find(t, &q, "You have never balanced a budget,").speaker.as_deref(), Some("Alan Price"));
    // a possessive stays one
    let t = "Mayor Tom Reyes spoke first. Alan Price's report was read aloud. “You have never balanced a budget,” he said.";
    let q = run(t);
    assert_eq!(find(t, &q, "You have never balanced a budget,").speaker.as_deref(), Some("Tom Reyes"));
}

#[test]
fn a_headline_quoting_after_a_colon_is_the_words_of_the_name_opening_it() {
    let t = "Dana Price Praises Harbor Editor Tom Reyes: ‘A Very Good Reporter.’\n\nMayor Dana Price spoke on Monday.";
    let body = t.find("Mayor").unwrap() + 6;
    let ms = [(0usize, 10usize), (body, body + 10)];
    let reyes = t.find("Tom Reyes").unwrap();
    let tr = [(reyes, reyes + 9)];
    let known = [
        KnownName { name: "Dana Price", is_person: true, is_org: false, mentions: &ms },
        KnownName { name: "Tom Reyes", is_person: true, is_org: false, mentions: &tr },
    ];
    assert_eq!(&t[ms[1].0..ms[1].1], "Dana Price");
    assert_eq!(&t[tr[0].0..tr[0].1], "Tom Reyes");
    let q = extract(t, &paras(t), &known);
    assert_eq!(find(t, &q, "A Very Good Reporter.").speaker.as_deref(), Some("Dana Price"));
    // a short label before the colon, the quote further on
    let t = "Hacker Guccifer: Harbor Server Left Unprotected, “Like an Open Door.”\n\nThe hacker spoke on Monday.";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "Like an Open Door.")), "Hacker Guccifer");
}

#[test]
fn a_title_after_its_noun_and_a_comma_or_after_another_title_is_no_quote() {
    for t in [
        "In his new book, “Doomed to Succeed,” and in an interview, Mr. Ross said the talks failed.",
        "She is known for acting in “The Walking Dead” and for the hit Broadway play, “Eclipsed.”",
        "A troupe is performing a popular play called “Los Hijos de Trump,” or “Sons of Trump,” in the city.",
        "He is now host of “The Late Hour with Nora Quill.”",
    ] {
        assert!(run(t).is_empty(), "{t}: {:#?}", run(t));
    }
    // words of speech after "in" are a quote
    let t = "He said in an interview, “We are not done yet,” and left.";
    assert_eq!(run(t).len(), 1);
}

#[test]
fn a_verb_of_a_relative_clause_after_a_quote_leaves_the_cue_to_a_later_verb() {
    let t = "The dispute may last for months. “If the agency finds more letters, it plans to read them for letters” that would respond to requests from the union, agency lawyer Marta Quinlan Dorsey wrote in a filing.";
    let q = run(t);
    assert_eq!(q[0].speaker.as_deref(), Some("Marta Quinlan Dorsey"));
}

#[test]
fn a_paragraph_whose_quote_names_a_person_after_it_does_not_inherit_the_last_speaker() {
    let t = "“We will win,” said Dana Price.\n\n“Our plans for the harbor are different,” ponders Nadia Brennholt, 30, a fisher.";
    let ms = [(t.find("Nadia").unwrap(), t.find("Nadia").unwrap() + "Nadia Brennholt".len())];
    let ds = [(t.find("Dana").unwrap(), t.find("Dana").unwrap() + 10)];
    let known = [
        KnownName { name: "Nadia Brennholt", is_person: true, is_org: false, mentions: &ms },
        KnownName { name: "Dana Price", is_person: true, is_org: false, mentions: &ds },
    ];
    let q = extract(t, &paras(t), &known);
    let b = find(t, &q, "Our plans for the harbor are different,");
    assert_ne!(b.speaker.as_deref(), Some("Dana Price"));
}

#[test]
fn a_description_opening_the_main_clause_is_the_subject_named_before_it() {
    // "the governor" is no title the article gave anyone: it is the person its sentence named
    // as a subject before it, not the subject of an earlier paragraph
    let t = "Board meets on schools\n\nMayor Tom Reyes opened the meeting on Monday. \
             He spoke about the new budget for two hours.\n\nWhen a reporter noted that Paul \
             Hale had not answered the question, the governor said the state would pay.\n\n\
             “We will find the money,” he said.";
    let q = run(t);
    assert_eq!(q.last().and_then(|q| q.speaker.as_deref()), Some("Paul Hale"));
}

#[test]
fn a_quote_with_no_cue_is_the_words_of_the_person_the_sentence_before_is_about() {
    let t = "At a rally on Friday, Mary Okafor showed the crowd a clip of her rival's debate.\n\n\
             “Let me help you out, the answer is no, and it will stay no,” the crowd heard next.";
    let ms = [(t.find("Mary Okafor").unwrap(), t.find("Mary Okafor").unwrap() + 11)];
    let known = [KnownName { name: "Mary Okafor", is_person: true, is_org: false, mentions: &ms }];
    let q = extract(t, &paras(t), &known);
    let a = find(t, &q, "Let me help you out, the answer is no, and it will stay no,");
    assert_eq!(a.speaker.as_deref(), Some("Mary Okafor"));
    assert_eq!(a.cue, None);
    // the sentence before is about no person: nobody
    let t = "At a rally on Friday, the crowd watched a clip of a debate.\n\n\
             “Let me help you out, the answer is no, and it will stay no,” the crowd heard next.";
    let q = run(t);
    let a = find(t, &q, "Let me help you out, the answer is no, and it will stay no,");
    assert_eq!(a.speaker, None);
}

#[test]
fn a_speech_word_after_a_determiner_and_an_adjective_is_a_noun() {
    let t = "Although he thanked the crowd, Paul Hale sounded a rare note of doubt, saying, “I am not sure I really deserve it.”";
    let q = run(t);
    let a = find(t, &q, "I am not sure I really deserve it.");
    assert_eq!(mention(t, a), "Paul Hale");
    // a plural noun before the plain verb: a verb
    let t = "The senators note that “the budget is not balanced and will not be.”";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "the budget is not balanced and will not be.")), "The senators");
}

#[test]
fn an_organization_the_recognizer_found_whole_speaks_across_of_and_for() {
    let t = "“Rates will rise before the summer,” the British Guild of Bakers said on Monday.";
    let org = "British Guild of Bakers";
    let ms = [(t.find(org).unwrap(), t.find(org).unwrap() + org.len())];
    let known = [KnownName { name: org, is_person: false, is_org: true, mentions: &ms }];
    let q = extract(t, &paras(t), &known);
    assert_eq!(mention(t, find(t, &q, "Rates will rise before the summer,")), "the British Guild of Bakers");
    let t = "“Rates will rise before the summer,” said Harbor Bank of Toronto chief Mary Okafor.";
    let (org, who) = ("Harbor Bank of Toronto", "Mary Okafor");
    let ms = [(t.find(org).unwrap(), t.find(org).unwrap() + org.len())];
    let ps = [(t.find(who).unwrap(), t.find(who).unwrap() + who.len())];
    let known = [
        KnownName { name: org, is_person: false, is_org: true, mentions: &ms },
        KnownName { name: who, is_person: true, is_org: false, mentions: &ps },
    ];
    let q = extract(t, &paras(t), &known);
    assert_eq!(mention(t, find(t, &q, "Rates will rise before the summer,")), who);
}

#[test]
fn a_pronoun_does_not_go_back_to_a_titled_name_of_the_other_gender() {
    // the gender of "Ohio Gov. Frank Dale" is his first name's, the place and title before it
    // aside
    let t = "Former Ohio Gov. Frank Dale spoke after Nora Bell. “We will win,” she said.";
    let q = run(t);
    assert_eq!(find(t, &q, "We will win,").speaker.as_deref(), Some("Nora Bell"));
}

#[test]
fn a_name_after_an_office_with_of_is_the_subject_of_its_clause() {
    // "former Secretary of State Ann Marsh" in apposition to the subject: the subject, not
    // the object of "of"
    let t = "Mayor Jane Reed spoke first. But the other speaker, former Secretary of State Ann Marsh, drew a contrast with the remarks of Paul Grant. “We differ,” she said.";
    let q = run(t);
    assert_eq!(find(t, &q, "We differ,").speaker.as_deref(), Some("Ann Marsh"));
}

#[test]
fn a_pronoun_takes_the_namesake_of_its_gender() {
    // "Hale" is the longer name, Anne Marie Hale's, but "he" is the senator's
    let t = "Sen. Chris Hale visited the school on Monday.\n\nThe visit was quiet.\n\nA teacher, Anne Marie Hale, showed him the library.\n\nParents waited outside. Hale stayed late. “I regret it,” he said.";
    let at = |w: &str| t.find(w).map(|s| (s, s + w.len())).unwrap();
    let (chris, anne) = ([at("Chris Hale")], [at("Anne Marie Hale")]);
    let known = [
        KnownName { name: "Chris Hale", is_person: true, is_org: false, mentions: &chris },
        KnownName { name: "Anne Marie Hale", is_person: true, is_org: false, mentions: &anne },
    ];
    let q = extract(t, &paras(t), &known);
    assert_eq!(find(t, &q, "I regret it,").speaker.as_deref(), Some("Chris Hale"));
}

#[test]
fn a_title_word_that_opens_an_organizations_name_is_the_names() {
    let t = "Carmakers cut jobs. “We have no choice,” General Motors said.";
    let gm = [t.find("General").map(|s| (s, s + "General Motors".len())).unwrap()];
    let known = [KnownName { name: "General Motors", is_person: false, is_org: true, mentions: &gm }];
    let q = extract(t, &paras(t), &known);
    assert_eq!(find(t, &q, "We have no choice,").speaker.as_deref(), Some("General Motors"));
    // a title and a name that the recognizer took for an organization stay a person's
    let t = "Peers met. “We have no choice,” Lord Janner said.";
    let lj = [t.find("Lord").map(|s| (s, s + "Lord Janner".len())).unwrap()];
    let known = [KnownName { name: "Lord Janner", is_person: false, is_org: true, mentions: &lj }];
    let q = extract(t, &paras(t), &known);
    assert_eq!(find(t, &q, "We have no choice,").speaker.as_deref(), Some("Janner"));
}

#[test]
fn an_office_before_a_name_in_apposition_is_that_name() {
    let t = "Councils want more money. Harbor Finance Minister, Mary Fisk, said: “We have added funds for the ports.”";
    let q = run(t);
    assert_eq!(find(t, &q, "We have added funds for the ports.").speaker.as_deref(), Some("Mary Fisk"));
    // no name after the comma: the office stays as written
    let t = "Councils want more money. Harbor Finance Minister, in a statement, said: “We have added funds.”";
    let q = run(t);
    assert_eq!(find(t, &q, "We have added funds.").speaker.as_deref(), Some("Harbor Finance Minister"));
}

#[test]
fn a_pronoun_goes_back_to_a_family_name_that_comes_first() {
    // "Moon" is a common word, but here the first word of "Moon Hae-jin" (the family name
    // first): the subject of "Moon smiled", not the object named before it
    let t = "Moon Hae-jin, the foreign minister, spoke in Seoul this week.\n\n“We are ready,” she said.\n\nThe talks went on. Moon expects a deal by the spring.\n\nAsked whether she feared that Paul Grant, the envoy, could walk out, Moon smiled.\n\n“There is one road,” she said.";
    let at = |w: &str| t.find(w).map(|s| (s, s + w.len())).unwrap();
    let moon = [at("Moon Hae-jin")];
    let known = [KnownName { name: "Moon Hae-jin", is_person: true, is_org: false, mentions: &moon }];
    let q = extract(t, &paras(t), &known);
    let last = q.last().unwrap();
    assert_eq!(&t[last.start..last.end], "There is one road,");
    assert_eq!(last.speaker.as_deref(), Some("Moon"));
}

#[test]
fn a_surname_tagged_an_organization_beside_the_full_name_is_the_person() {
    // the recognizer tagged "Whitlock" alone an organization: the subject of "Whitlock said"
    // is still Frank Whitlock, not the man named in the sentence before
    let t = "Frank Whitlock spoke at the town hall.\n\nTom Reyes, a teacher, said he earns little and asked about Whitlock's plan.\n\nWhitlock said the plan would save families money.\n\n“I have been criticized for this,” he said.";
    let at = |w: &str| t.find(w).map(|s| (s, s + w.len())).unwrap();
    let full = [at("Frank Whitlock")];
    let alone: Vec<(usize, usize)> =
        t.match_indices("Whitlock said").map(|(p, _)| (p, p + "Whitlock".len())).collect();
    let reyes = [at("Tom Reyes")];
    let known = [
        KnownName { name: "Whitlock", is_person: false, is_org: true, mentions: &alone },
        KnownName { name: "Frank Whitlock", is_person: true, is_org: false, mentions: &full },
        KnownName { name: "Tom Reyes", is_person: true, is_org: false, mentions: &reyes },
    ];
    let q = extract(t, &paras(t), &known);
    // (the quote finder's name; the speaker pass gives the fullest form)
    assert_eq!(find(t, &q, "I have been criticized for this,").speaker.as_deref(), Some("Whitlock"));
}

#[test]
fn an_owners_institution_and_a_title_before_a_name_open_its_clause() {
    // "Reed campaign Chairman Paul Grant" is the subject of "offered", not an object after
    // "campaign"; "Tom Reed's" is a possessive inside the appositive
    let t = "Tom Reed will not face the questions himself.\n\nAnd Reed campaign Chairman Paul Grant — Tom Reed’s former chief of staff — offered a slogan when I asked him how his wife would answer.\n\n“She will fight for every family,” he said.";
    let q = run(t);
    assert_eq!(find(t, &q, "She will fight for every family,").speaker.as_deref(), Some("Paul Grant"));
}

#[test]
fn a_first_name_alone_has_the_census_gender() {
    // "Chloe" alone is a girl's name: "He said" is her father's
    let t = "Andrew Hale took his daughter, Chloe, there on Sunday.\n\nHe said: “I hope I can be like him one day.”";
    let at = |w: &str| t.find(w).map(|s| (s, s + w.len())).unwrap();
    let (hale, chloe) = ([at("Andrew Hale")], [at("Chloe")]);
    let known = [
        KnownName { name: "Andrew Hale", is_person: true, is_org: false, mentions: &hale },
        KnownName { name: "Chloe", is_person: true, is_org: false, mentions: &chloe },
    ];
    let q = extract(t, &paras(t), &known);
    assert_eq!(find(t, &q, "I hope I can be like him one day.").speaker.as_deref(), Some("Andrew Hale"));
}

#[test]
fn a_relative_clause_of_an_appositive_does_not_hide_the_name_before_it() {
    // "the pollster who runs the site" is an appositive with a relative clause, and no comma
    // closes it before the verb: the subject is the name before it
    let t = "“The race is close,” Mara Quill, the pollster who runs the survey site wrote on Monday.";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "The race is close,")), "Mara Quill");
}

#[test]
fn a_quote_opening_a_sentence_takes_the_cue_after_a_later_quote_of_it() {
    // the sentence before has a cue of its own ("condemned"), which is not this sentence's
    let t = "Tom Reed praised leaders like Paul Hale, who had condemned the plan. “Harbor people” are \
             “not out to close the port,” he said.";
    let q = run(t);
    let a = find(t, &q, "Harbor people");
    assert_eq!(mention(t, a), "he");
    assert_eq!(a.speaker.as_deref(), Some("Tom Reed"));
    // two sentences keep their own attributions
    let t = "Paul Hale condemned the plan: “It is a mistake.” “Not out to close the port,” Tom Reed said.";
    let q = run(t);
    assert_eq!(find(t, &q, "It is a mistake.").speaker.as_deref(), Some("Paul Hale"));
}

#[test]
fn a_title_of_one_gender_is_no_namesake_of_the_other_and_a_first_name_comes_first() {
    // "Mr. Stone" is not Mary Stone, the one Stone the article names in full
    let t = "Mary Stone ran the clinic for years.\n\n“It was hard,” Mr. Stone said.";
    let m = t.find("Mary Stone").unwrap();
    let ms = [(m, m + 10)];
    let known = [KnownName { name: "Mary Stone", is_person: true, is_org: false, mentions: &ms }];
    let q = extract(t, &paras(t), &known);
    assert_eq!(q[0].speaker.as_deref(), Some("Stone"));
    // "Mrs. Stone" is
    let t = "Mary Stone ran the clinic for years.\n\n“It was hard,” Mrs. Stone said.";
    let q = extract(t, &paras(t), &known);
    assert_eq!(q[0].speaker.as_deref(), Some("Mary Stone"));
    // of two full names ending in "Reed", the one opening with a first name, though shorter
    // than a subhead's run of capitals
    let t = "Classical Reed\n\nTom Reed ran the clinic.\n\n“It was hard,” Reed said.";
    let (c, r) = (t.find("Classical Reed").unwrap(), t.find("Tom Reed").unwrap());
    let (cs, rs) = ([(c, c + 14)], [(r, r + 8)]);
    let known = [
        KnownName { name: "Classical Reed", is_person: true, is_org: false, mentions: &cs },
        KnownName { name: "Tom Reed", is_person: true, is_org: false, mentions: &rs },
    ];
    let q = extract(t, &paras(t), &known);
    assert_eq!(q[0].speaker.as_deref(), Some("Tom Reed"));
}

/// [`run`] with the recognizer's persons `names`, each at its first place in `t`.
fn run_with_persons(t: &str, names: &[&str]) -> Vec<Quote> {
    let spans: Vec<[(usize, usize); 1]> = names
        .iter()
        .map(|w| {
            let s = t.find(w).unwrap();
            [(s, s + w.len())]
        })
        .collect();
    let known: Vec<KnownName> = names
        .iter()
        .zip(&spans)
        .map(|(name, m)| KnownName { name, is_person: true, is_org: false, mentions: m })
        .collect();
    extract(t, &paras(t), &known)
}

#[test]
fn capitalized_modifiers_before_a_role_noun_open_the_clause() {
    // "Democratic front-runner Mary Okafor praised Hale" makes her the subject, not the
    // object named after her
    let t = "Democratic front-runner Mary Okafor praised Hale on Monday.\n\n“What a great idea,” she said.";
    let q = run_with_persons(t, &["Mary Okafor", "Hale"]);
    assert_eq!(find(t, &q, "What a great idea,").speaker.as_deref(), Some("Mary Okafor"));
}

#[test]
fn the_person_asked_answers_in_the_next_paragraph() {
    let t = "Last month, reporter Tom Reed asked Paul Hale whether his health was fair game.\n\n\
             “Sure it is,” he said.";
    let q = run(t);
    assert_eq!(find(t, &q, "Sure it is,").speaker.as_deref(), Some("Paul Hale"));
    // a request is no question, and an answer in the same paragraph is the narrative's
    let t = "Tom Reed asked Paul Hale to resign.\n\n“It is time,” he said.";
    let q = run(t);
    assert_eq!(find(t, &q, "It is time,").speaker.as_deref(), Some("Tom Reed"));
}

#[test]
fn a_place_or_a_participle_is_no_antecedent() {
    // whatever the tagger said of "Ho Chi Minh City" and of a headline's "Clinching"
    let t =
        "“People say what a mess,” Barack Okafor told a town hall in Vietnam’s Ho Chi Minh City, formerly \
             Saigon.\n\n“We end up doing okay,” he said.";
    let q = run_with_persons(t, &["Barack Okafor", "Ho Chi Minh City"]);
    assert_eq!(find(t, &q, "We end up doing okay,").speaker.as_deref(), Some("Barack Okafor"));
    let t = "Mary Okafor won the primary.\n\nClinching of the nomination came late. “We need no more of that,” she said.";
    let q = run_with_persons(t, &["Mary Okafor", "Clinching"]);
    assert_eq!(find(t, &q, "We need no more of that,").speaker.as_deref(), Some("Mary Okafor"));
}

#[test]
fn a_speech_verb_in_the_present_makes_its_name_the_subject() {
    let t =
        "Paul Hale is not only right on the issues, he is also the most able candidate Tom Reed argues.\n\n\
             “Hale is our best debater,” he says.";
    let q = run(t);
    assert_eq!(find(t, &q, "Hale is our best debater,").speaker.as_deref(), Some("Tom Reed"));
}

#[test]
fn a_name_in_an_appositive_with_its_own_determiner_is_the_subject() {
    // "The other man, his cousin Tom Reed, 40, cited ...": Tom Reed is the sentence's subject
    let t = "One of the men, Paul Hale, 70, said he was worried. The other man, his cousin Tom Reed, 40, \
             cited the cost of the war.\n\n“He's talking too much,” he said.";
    let q = run_with_persons(t, &["Paul Hale", "Tom Reed"]);
    assert_eq!(find(t, &q, "He's talking too much,").speaker.as_deref(), Some("Tom Reed"));
}

#[test]
fn a_name_after_a_capitalized_preposition_is_no_subject() {
    let t = "Tom Reed checks his phone all day. Like Hale, their days begin at 4:30 a.m.\n\n\
             “We like to work,” he told me.";
    let q = run_with_persons(t, &["Tom Reed", "Hale"]);
    assert_eq!(find(t, &q, "We like to work,").speaker.as_deref(), Some("Tom Reed"));
}

#[test]
fn a_name_that_modifies_an_institution_is_no_antecedent() {
    // "The Reed campaign ... picked up": the campaign is the subject, not Reed
    let t = "Paul Hale said he would stay in the race.\n\nThe Reed campaign on Monday picked up a claim \
             that Hale was dropping out.\n\n“Is this what we accept now?” he told the show.";
    let q = run_with_persons(t, &["Paul Hale", "Reed"]);
    assert_eq!(find(t, &q, "Is this what we accept now?").speaker.as_deref(), Some("Paul Hale"));
}

#[test]
fn an_auxiliary_after_a_role_and_name_makes_the_name_the_subject() {
    // "Republican presidential nominee Paul Hale has blasted ...": Hale is the subject, not an
    // object that a subject named before him would win over
    let t = "Tom Reed refused to speculate.\n\nRepublican presidential nominee Paul Hale has blasted the \
             press.\n\nWhile he was speaking in Miami, he said, “It has been 235 days.”";
    let q = run_with_persons(t, &["Tom Reed", "Paul Hale"]);
    assert_eq!(find(t, &q, "It has been 235 days.").speaker.as_deref(), Some("Paul Hale"));
}

#[test]
fn words_after_a_possessive_are_no_subject() {
    // "Trump's Middle Eastern policy": whatever the tagger made of "Middle Eastern", it modifies
    // the policy, and the sentence's subject is Paul Hale
    let t = "Moments later, Paul Hale made sure his critique of Reed’s Middle Eastern policy was polite.\n\n\
             “I don’t know if Reed realizes this,” he said.";
    let q = run_with_persons(t, &["Paul Hale", "Middle Eastern", "Reed"]);
    assert_eq!(find(t, &q, "I don’t know if Reed realizes this,").speaker.as_deref(), Some("Paul Hale"));
}

#[test]
fn a_persons_name_after_an_owners_possessive_is_a_subject() {
    let t = "Hale said the court was slow, but Tennis Australia's Gaffo Reed rejected his comments.\n\n\
             “We did ask for it to be made faster,” he said.";
    let q = run_with_persons(t, &["Hale", "Tennis Australia", "Gaffo Reed"]);
    assert_eq!(find(t, &q, "We did ask for it to be made faster,").speaker.as_deref(), Some("Gaffo Reed"));
    let t = "Hale won the cup.\n\nArsenal's Edu has lifted the lid on the scenes that followed.\n\n\
             “I saw people being pulled apart,” he told the website.";
    let q = run_with_persons(t, &["Hale", "Edu"]);
    assert_eq!(find(t, &q, "I saw people being pulled apart,").speaker.as_deref(), Some("Edu"));
    let t = "Mary Hale said voters care about jobs.\n\nAnd North Carolina’s Ada Okafor, one of a handful of \
             members, said the party will do well. “I think it will do fine,” she said.";
    let q = run_with_persons(t, &["Mary Hale", "Ada Okafor"]);
    assert_eq!(find(t, &q, "I think it will do fine,").speaker.as_deref(), Some("Ada Okafor"));
}

#[test]
fn a_noun_between_a_name_and_a_first_name_after_said_makes_the_second_the_speaker() {
    // "said Cruz constituent Dan Golvach", "said Aviator star Alan Alda"
    let t = "“Anyone who refuses to follow the law puts us at risk,” said Hale constituent Mary Okafor when asked.";
    let q = run(t);
    assert_eq!(
        mention(t, find(t, &q, "Anyone who refuses to follow the law puts us at risk,")),
        "Mary Okafor"
    );
}

#[test]
fn a_place_in_an_appositive_before_the_verb_is_no_subject() {
    // "Mr. Daniloff, now 81 and retired in Cambridge, Mass., said": the subject opens the clause
    let t =
        "“I would have been sitting in Siberia,” Mr. Hale, now 81 and retired in Cambridge, Mass., said by \
             telephone.";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "I would have been sitting in Siberia,")), "Mr. Hale");
}

#[test]
fn a_name_in_apposition_to_a_possessive_role_phrase_after_said_is_the_speaker() {
    let t =
        "“We are treating it as one long Election Day,” said Hale’s deputy campaign manager, Tom Reed, who \
             oversaw the ground game.";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "We are treating it as one long Election Day,")), "Tom Reed");
}

#[test]
fn two_particles_in_a_row_stay_inside_the_name() {
    let t = "The summit ended.\n\n“We will study the proposal,” Ursula von der Leyen warned.";
    let qs = run(t);
    assert_eq!(mention(t, find(t, &qs, "We will study the proposal,")), "Ursula von der Leyen");
}

#[test]
fn a_short_sentence_quoted_after_a_sentence_is_its_subjects() {
    let t = "Talks ended on Monday.\n\nMary Okafor disagreed. “They are over.”";
    let at = t.find("Mary").unwrap();
    let ms = [(at, at + 11)];
    let ents = [KnownName { name: "Mary Okafor", is_person: true, is_org: false, mentions: &ms }];
    let qs = extract(t, &paras(t), &ents);
    assert_eq!(find(t, &qs, "They are over.").speaker.as_deref(), Some("Mary Okafor"));
}
