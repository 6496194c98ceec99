//! Tests of the quote finder's signatures, reports and verbs it does not list: who signs a
//! quotation (a dash line after it, a line inside its marks), a report that quotes someone, and
//! a speech verb the lists do not know.

use super::tests::{find, mention, paras, run};
use super::*;

#[test]
fn a_signature_paragraph_names_the_speaker() {
    let t = "“Every family in this county deserves clean water by next summer.”\n\n- Dana Whitlock.\n\nThe claim is overstated.";
    let q = run(t);
    let a = find(t, &q, "Every family in this county deserves clean water by next summer.");
    assert_eq!(a.speaker.as_deref(), Some("Dana Whitlock"));
}

#[test]
fn a_verb_the_lists_do_not_know_after_a_quote() {
    let t = "“It is about time we fixed the roads,” exhorted Priya Nandakumar.\n\n“Will the council vote this week?” Ortega pressed on.";
    let q = run(t);
    assert_eq!(mention(t, find(t, &q, "It is about time we fixed the roads,")), "Priya Nandakumar");
    assert_eq!(mention(t, find(t, &q, "Will the council vote this week?")), "Ortega");
}

#[test]
fn a_description_quoted_by_a_report_still_said_the_words() {
    let t =
        "Judge Emmet Sullivan heard the case.\n\n“When does it stop?” the judge said, according to the Post.";
    let qs = run(t);
    let q = find(t, &qs, "When does it stop?");
    assert_eq!((mention(t, q), q.named_by.map(|(s, e)| &t[s..e])), ("the Post", Some("the judge")));
}

#[test]
fn a_signature_inside_the_marks_names_the_speaker() {
    let t = "Economists were divided.\n\n\"We will enter the next recession without that consensus.\nJosh Bivens, Economic Policy Institute.\"\n\nOthers disagreed.";
    let at = t.find("Josh").unwrap();
    let ms = [(at, at + 11)];
    let ents = [KnownName { name: "Josh Bivens", is_person: true, is_org: false, mentions: &ms }];
    let qs = extract(t, &paras(t), &ents);
    let q = find(t, &qs, "We will enter the next recession without that consensus.");
    assert_eq!((mention(t, q), q.speaker.as_deref()), ("Josh Bivens", Some("Josh Bivens")));
}

#[test]
fn a_role_described_subject_takes_an_unlisted_verb() {
    let t =
        "Mike Pence showed a clip.\n\n\"Let me help you out,\" the Republican nominee riffed on the answer.";
    let qs = run(t);
    assert_eq!(mention(t, find(t, &qs, "Let me help you out,")), "the Republican nominee");
}

#[test]
fn who_right_after_a_full_name_is_that_person() {
    let t =
        "David Waters wrote first.\n\nThen came this tweet from Rikkie Wells who tweeted, “You never learn.”";
    let qs = run(t);
    let q = find(t, &qs, "You never learn.");
    assert_eq!((mention(t, q), q.speaker.as_deref()), ("who", Some("Rikkie Wells")));
}

/// The recognizer's persons of `t`, each a name with one mention at its first occurrence.
fn persons<'a>(t: &str, names: &'a [&'a str], spans: &'a mut Vec<[(usize, usize); 1]>) -> Vec<KnownName<'a>> {
    spans.extend(names.iter().map(|n| {
        let at = t.find(n).unwrap();
        [(at, at + n.len())]
    }));
    names
        .iter()
        .zip(spans.iter())
        .map(|(n, ms)| KnownName { name: n, is_person: true, is_org: false, mentions: ms })
        .collect()
}

#[test]
fn a_list_of_quotes_each_signed_by_a_name_without_a_verb() {
    let t = "Lines from the campaign trail.\n\n“We will fix every bridge in this state.” Nora Castellanos, at a rally in Dayton\n\n“Taxes are too high for working families.” (Felix Obuya, Columbus, March 2016)\n\n“The plan is sound and it is paid for.”\nGreta Lindqvist, in a speech\n\n“Nobody reads those reports.” Felix Obuya won the county anyway.";
    let mut spans = Vec::new();
    let ents = persons(t, &["Nora Castellanos", "Felix Obuya", "Greta Lindqvist"], &mut spans);
    let qs = extract(t, &paras(t), &ents);
    let who = |q: &str| find(t, &qs, q).speaker.clone();
    assert_eq!(who("We will fix every bridge in this state."), Some("Nora Castellanos".into()));
    assert_eq!(who("Taxes are too high for working families."), Some("Felix Obuya".into()));
    assert_eq!(who("The plan is sound and it is paid for."), Some("Greta Lindqvist".into()));
    // a sentence of its own after the quote, with a verb, signs nothing
    assert_ne!(who("Nobody reads those reports."), Some("Felix Obuya".into()));
}

#[test]
fn a_signed_quote_after_a_bullet_without_a_period_or_before_a_dash() {
    let t = "Lines from the debate.\n\n• “We will fix every bridge” Nora Castellanos - state senator\n\n“Taxes are too high,” Felix Obuya (@felixobuya) March 3, 2016\n\n“The plan is sound.” Greta Lindqvist: on the budget";
    let mut spans = Vec::new();
    let ents = persons(t, &["Nora Castellanos", "Felix Obuya", "Greta Lindqvist"], &mut spans);
    let qs = extract(t, &paras(t), &ents);
    let who = |q: &str| find(t, &qs, q).speaker.clone();
    assert_eq!(who("We will fix every bridge"), Some("Nora Castellanos".into()));
    assert_eq!(who("Taxes are too high,"), Some("Felix Obuya".into()));
    assert_eq!(who("The plan is sound."), Some("Greta Lindqvist".into()));
}

#[test]
fn per_and_the_words_of_name_the_speaker_after_a_quote() {
    let t = "The vote was close.\n\n“The numbers do not lie,” per Tomasz Nowak.\n\n“This is a disgrace.” Those were the words of Miriam Okonkwo after the vote.\n\n“Prices rose 4 per cent,” the agency said.";
    let qs = run(t);
    assert_eq!(mention(t, find(t, &qs, "The numbers do not lie,")), "Tomasz Nowak");
    assert_eq!(mention(t, find(t, &qs, "This is a disgrace.")), "Miriam Okonkwo");
    assert_eq!(mention(t, find(t, &qs, "Prices rose 4 per cent,")), "the agency");
}
