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
